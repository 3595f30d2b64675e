import { sql } from 'drizzle-orm';
import type { DbOrTx } from '../client.ts';
import { legacyRoleMappings, permissions, rolePermissions, roles, unitKinds } from '../schema/index.ts';
import { LEGACY_ROLE_MAPPINGS, PERMISSIONS, ROLE_PERMISSIONS, ROLES, UNIT_KINDS } from '../../domain/reference-data.ts';

/**
 * Reference dictionaries, loaded in every mode (production too). Upserts, so a new release that
 * corrects a description updates it, and running twice changes nothing.
 */
export async function seedReferenceData(db: DbOrTx): Promise<void> {
  await db.transaction(async (tx) => {
    await tx
      .insert(unitKinds)
      .values(UNIT_KINDS.map((k, i) => ({ ...k, sortOrder: (i + 1) * 10 })))
      .onConflictDoUpdate({
        target: unitKinds.code,
        set: {
          name: sql`excluded.name`,
          isCentral: sql`excluded.is_central`,
          isSupervising: sql`excluded.is_supervising`,
          isReporting: sql`excluded.is_reporting`,
          sortOrder: sql`excluded.sort_order`,
        },
      });
    await tx
      .insert(permissions)
      .values(PERMISSIONS.map((p) => ({ ...p })))
      .onConflictDoUpdate({ target: permissions.code, set: { name: sql`excluded.name`, description: sql`excluded.description` } });
    await tx
      .insert(roles)
      .values(ROLES.map((r) => ({ ...r })))
      .onConflictDoUpdate({
        target: roles.code,
        set: {
          name: sql`excluded.name`,
          description: sql`excluded.description`,
          unitClass: sql`excluded.unit_class`,
          onlyUnitKind: sql`excluded.only_unit_kind`,
          reportArea: sql`excluded.report_area`,
          isAdmin: sql`excluded.is_admin`,
          sortOrder: sql`excluded.sort_order`,
        },
      });
    // the mapping is replaced as a whole: a permission removed from a role must disappear
    await tx.delete(rolePermissions);
    const pairs = Object.entries(ROLE_PERMISSIONS).flatMap(([roleCode, codes]) => codes.map((permissionCode) => ({ roleCode, permissionCode })));
    await tx.insert(rolePermissions).values(pairs);
    await tx
      .insert(legacyRoleMappings)
      .values(LEGACY_ROLE_MAPPINGS.map((m) => ({ ...m })))
      .onConflictDoUpdate({ target: legacyRoleMappings.legacyName, set: { roleCode: sql`excluded.role_code`, note: sql`excluded.note` } });
  });
}
