/** Unique, build-stable numbers for sandbox cards, so two cards of one example on a page never share an id. */
let cardCount = 0;

/** The next card number (1, 2, 3...). */
export function nextCardNumber(): number {
  cardCount += 1;
  return cardCount;
}
