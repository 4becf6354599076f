import { EntityNotFoundError } from "../../domain/domain-error.ts";
import { ProductId } from "../../domain/identifiers.ts";
import type { ProductCatalogue } from "../product-catalogue.ts";
import { toProductDto, type ProductDto } from "../product.dto.ts";

/** Reads one product from the catalogue (through its cache), or throws EntityNotFoundError. */
export class GetProductUseCase {
  private readonly catalogue: Pick<ProductCatalogue, "findByIds">;

  constructor(deps: { catalogue: Pick<ProductCatalogue, "findByIds"> }) {
    this.catalogue = deps.catalogue;
  }

  async execute(id: string): Promise<ProductDto> {
    const [product] = await this.catalogue.findByIds([ProductId.of(id)]);
    if (!product) throw new EntityNotFoundError("Product", id);
    return toProductDto(product);
  }
}
