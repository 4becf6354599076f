import type { RefreshTokenRecord, RefreshTokenStore } from "../application/ports/refresh-token.store.port.ts";

/** Refresh tokens (by hash) and revoked families in memory. A table or Redis in production, same contract. */
export class InMemoryRefreshTokenStore implements RefreshTokenStore {
  private readonly tokens = new Map<string, RefreshTokenRecord>();
  private readonly revokedFamilies = new Set<string>();

  async add(record: RefreshTokenRecord): Promise<void> {
    this.tokens.set(record.tokenHash, record);
  }

  async findByHash(tokenHash: string): Promise<RefreshTokenRecord | undefined> {
    return this.tokens.get(tokenHash);
  }

  async markUsed(tokenHash: string, at: Date): Promise<boolean> {
    const record = this.tokens.get(tokenHash);
    if (record === undefined || record.usedAt !== null) return false;
    this.tokens.set(tokenHash, { ...record, usedAt: at });
    return true;
  }

  async revokeFamily(familyId: string): Promise<void> {
    this.revokedFamilies.add(familyId);
  }

  async isFamilyRevoked(familyId: string): Promise<boolean> {
    return this.revokedFamilies.has(familyId);
  }
}
