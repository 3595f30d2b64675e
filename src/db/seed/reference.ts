import { isNotNull, isNull, notInArray, sql } from 'drizzle-orm';
import type { DbOrTx } from '../client.ts';
import { legacyRoleMappings, permissions, rolePermissions, roles, unitKinds } from '../schema/index.ts';
import { formRegistry } from '../../reporting/definitions.ts';
import { seedReportingReference } from './reporting.ts';
import { LEGACY_ROLE_MAPPINGS, PERMISSIONS, ROLE_PERMISSIONS, ROLES, UNIT_KINDS } from '../../domain/reference-data.ts';

/** `excluded.<column>` unless the row was edited by an administrator (edited_at set), then the row's own value. */
const keepEdited = (table: string, column: string) =>
  sql.raw(`case when "${table}"."edited_at" is null then excluded."${column}" else "${table}"."${column}" end`);

/**
 * Reference dictionaries, loaded in every mode (production too), at every start. Upserts, so a new
 * release that corrects a description updates it, a new row arrives, and running twice changes
 * nothing. What an administrator edited in "Zarządzanie → Słowniki" (rows with `edited_at`, roles
 * with `permissions_edited_at`) is never overwritten: the seed keeps their editable values and
 * leaves an edited role's permissions alone. Structural fields the portal does not let anyone edit
 * (a role's unit class, report area, administrator flag; sort orders) always follow the code.
 */
export async function seedReferenceData(db: DbOrTx): Promise<void> {
  await db.transaction(async (tx) => {
    await tx
      .insert(unitKinds)
      .values(UNIT_KINDS.map((k, i) => ({ ...k, sortOrder: (i + 1) * 10 })))
      .onConflictDoUpdate({
        target: unitKinds.code,
        set: {
          name: keepEdited('unit_kinds', 'name'),
          isCentral: keepEdited('unit_kinds', 'is_central'),
          isSupervising: keepEdited('unit_kinds', 'is_supervising'),
          isReporting: keepEdited('unit_kinds', 'is_reporting'),
          sortOrder: sql`excluded.sort_order`,
        },
      });
    await tx
      .insert(permissions)
      .values(PERMISSIONS.map((p) => ({ ...p })))
      .onConflictDoUpdate({
        target: permissions.code,
        set: { name: sql`excluded.name`, description: sql`excluded.description` },
        setWhere: isNull(permissions.editedAt),
      });
    await tx
      .insert(roles)
      .values(ROLES.map((r) => ({ ...r })))
      .onConflictDoUpdate({
        target: roles.code,
        set: {
          name: keepEdited('roles', 'name'),
          description: keepEdited('roles', 'description'),
          unitClass: sql`excluded.unit_class`,
          onlyUnitKind: sql`excluded.only_unit_kind`,
          reportArea: sql`excluded.report_area`,
          isAdmin: sql`excluded.is_admin`,
          sortOrder: sql`excluded.sort_order`,
        },
      });
    // the mapping of every role nobody edited is replaced as a whole (a permission removed from a role
    // in a new release must disappear); a role whose permissions an administrator edited keeps them
    const edited = (await tx.select({ code: roles.code }).from(roles).where(isNotNull(roles.permissionsEditedAt))).map((r) => r.code);
    await tx.delete(rolePermissions).where(edited.length ? notInArray(rolePermissions.roleCode, edited) : undefined);
    const pairs = Object.entries(ROLE_PERMISSIONS)
      .filter(([roleCode]) => !edited.includes(roleCode))
      .flatMap(([roleCode, codes]) => codes.map((permissionCode) => ({ roleCode, permissionCode })));
    if (pairs.length) await tx.insert(rolePermissions).values(pairs).onConflictDoNothing();
    await tx
      .insert(legacyRoleMappings)
      .values(LEGACY_ROLE_MAPPINGS.map((m) => ({ ...m })))
      .onConflictDoUpdate({
        target: legacyRoleMappings.legacyName,
        set: { roleCode: sql`excluded.role_code`, note: sql`excluded.note` },
        setWhere: isNull(legacyRoleMappings.editedAt),
      });
  });
  // the statistical forms, their catalogue and deadlines (reference/forms/, domain/reporting/catalogue.ts)
  await seedReportingReference(db, formRegistry().all);
}
