/** One refresh token as stored: only its SHA-256, never the token itself. */
export type RefreshTokenRecord = {
  readonly tokenHash: string;
  /** Every token rotated from the same login shares the family; reuse of any of them revokes all. */
  readonly familyId: string;
  readonly accountId: string;
  readonly expiresAt: Date;
  /** Set when the token was exchanged for its successor: a second use is a replay. */
  readonly usedAt: Date | null;
};

/** Where refresh tokens and revoked families live (a table, or Redis, in production). */
export interface RefreshTokenStore {
  add(record: RefreshTokenRecord): Promise<void>;
  findByHash(tokenHash: string): Promise<RefreshTokenRecord | undefined>;
  /** Marks the token used if it was unused; false when another request used it first. */
  markUsed(tokenHash: string, at: Date): Promise<boolean>;
  revokeFamily(familyId: string): Promise<void>;
  isFamilyRevoked(familyId: string): Promise<boolean>;
}
