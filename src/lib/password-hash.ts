import argon2 from 'argon2';

/**
 * OWASP-recommended argon2id parameters (19 MiB, 2 iterations, 1 lane), for every password the
 * system hashes (simulated Profil Zaufany, SSOZ I accounts in the demo seed). Kept outside src/demo/
 * so production code never loads the demo seed.
 */
export const ARGON2_OPTIONS = { type: argon2.argon2id, memoryCost: 19456, timeCost: 2, parallelism: 1 } as const;
