import { createHash } from 'node:crypto';
import { and, asc, eq, ne, sql } from 'drizzle-orm';
import type { Tx } from '../../../db/client.ts';
import { recordAudit } from '../../../db/repositories/audit.ts';
import { legacyRoleMappings, permissions, rolePermissions, roles, unitKinds, users } from '../../../db/schema/index.ts';
import { LEGACY_ROLE_MAPPINGS, PERMISSIONS, ROLE_PERMISSIONS, ROLES, UNIT_KINDS } from '../../../domain/reference-data.ts';
import { notFound } from '../../../lib/errors.ts';
import { auditOf, type Ctx, type ServiceDeps } from '../../context.ts';
import { authorize, MANAGE_DICTIONARIES } from '../../policies/index.ts';
import { dictionaryMessages as m } from './messages.ts';

/** The outcome of an edit: saved (audited), nothing changed, or the form again with Polish messages. */
/** What "Przywróć wartości dostarczone z systemem" can return to the shipped values. */
export type Restorable = 'unit_kind' | 'role' | 'role_permissions' | 'permission' | 'legacy_role_mapping';

export type EditOutcome = { ok: true; changed: boolean } | { ok: false; errors: Record<string, string> };

const DICT = { type: 'dictionary' } as const;

/** "Jan Kowalski" of an edit mark, by user id. */
async function editorNames(tx: Pick<Tx, 'select'>): Promise<Map<string, string>> {
  const rows = await tx.select({ id: users.id, first: users.firstName, last: users.lastName }).from(users).where(sql`${users.id} in (
      select edited_by from portal.unit_kinds union select edited_by from portal.roles union select permissions_edited_by from portal.roles
      union select edited_by from portal.permissions union select edited_by from portal.legacy_role_mappings)`);
  return new Map(rows.map((r) => [r.id, `${r.first} ${r.last}`]));
}

const same = (a: unknown, b: unknown) => JSON.stringify(a) === JSON.stringify(b);

/** The version of the role → permission map a form was shown with (a digest of every pair). */
export function mapVersion(pairs: Iterable<string>): string {
  return createHash('sha256')
    .update([...pairs].sort().join('\n'))
    .digest('hex')
    .slice(0, 16);
}
const lower = (s: string) => s.toLocaleLowerCase('pl');

/**
 * "Zarządzanie → Słowniki" (SLOWNIKI_ZARZADZAJ): unit kinds and their classes, roles, permissions,
 * the role → permission map and the SSOZ I role mapping. Every edit is validated, audited with the
 * values before and after, and marks the row as edited, so the reference seed at the next start
 * keeps it (db/seed/reference.ts). Permissions are computed per request from these tables
 * (portal/actor/actor.ts), so an edit applies from the next request on.
 */
export function managementDictionaryService({ db }: ServiceDeps) {
  return {
    async overview(ctx: Ctx) {
      authorize(ctx.actor, 'dictionary.view', DICT);
      const [kinds, roleRows, permRows, map, legacy, names] = await Promise.all([
        db.select().from(unitKinds).orderBy(asc(unitKinds.sortOrder), asc(unitKinds.code)),
        db.select().from(roles).orderBy(asc(roles.sortOrder), asc(roles.code)),
        db.select().from(permissions).orderBy(asc(permissions.code)),
        db.select().from(rolePermissions),
        db.select().from(legacyRoleMappings).orderBy(asc(legacyRoleMappings.legacyName)),
        editorNames(db),
      ]);
      const editor = (id: string | null) => (id ? (names.get(id) ?? '') : '');
      return { kinds, roles: roleRows, permissions: permRows, map: new Set(map.map((r) => `${r.roleCode}:${r.permissionCode}`)), legacy, editor };
    },

    async unitKind(ctx: Ctx, input: { code: string }) {
      authorize(ctx.actor, 'dictionary.view', DICT);
      const [row] = await db.select().from(unitKinds).where(eq(unitKinds.code, input.code));
      if (!row) throw notFound();
      return row;
    },

    async role(ctx: Ctx, input: { code: string }) {
      authorize(ctx.actor, 'dictionary.view', DICT);
      const [row] = await db.select().from(roles).where(eq(roles.code, input.code));
      if (!row) throw notFound();
      return row;
    },

    async permission(ctx: Ctx, input: { code: string }) {
      authorize(ctx.actor, 'dictionary.view', DICT);
      const [row] = await db.select().from(permissions).where(eq(permissions.code, input.code));
      if (!row) throw notFound();
      return row;
    },

    async legacyMapping(ctx: Ctx, input: { legacyName: string }) {
      authorize(ctx.actor, 'dictionary.view', DICT);
      const [row] = await db.select().from(legacyRoleMappings).where(eq(legacyRoleMappings.legacyName, input.legacyName));
      if (!row) throw notFound();
      return { row, roleOptions: await db.select({ code: roles.code, name: roles.name }).from(roles).orderBy(asc(roles.sortOrder)) };
    },

    /** A unit kind's name and classes. Names stay unique; exactly one kind stays central (Centrum e-Zdrowia sees everything). */
    async updateUnitKind(
      ctx: Ctx,
      input: { code: string; name: string; isCentral: boolean; isSupervising: boolean; isReporting: boolean },
    ): Promise<EditOutcome> {
      authorize(ctx.actor, 'dictionary.edit', DICT);
      return db.transaction(async (tx) => {
        await tx.execute(sql`lock table portal.unit_kinds in share row exclusive mode`);
        const [row] = await tx.select().from(unitKinds).where(eq(unitKinds.code, input.code));
        if (!row) throw notFound();
        const errors: Record<string, string> = {};
        const others = await tx.select().from(unitKinds).where(ne(unitKinds.code, row.code));
        if (others.some((k) => lower(k.name) === lower(input.name))) errors.nazwa = m.nameTaken;
        if (!input.isCentral && !input.isSupervising && !input.isReporting) errors.klasa = m.classRequired;
        else if (others.filter((k) => k.isCentral).length + (input.isCentral ? 1 : 0) !== 1) errors.klasa = m.oneCentral;
        if (Object.keys(errors).length) return { ok: false, errors };
        const before = { name: row.name, isCentral: row.isCentral, isSupervising: row.isSupervising, isReporting: row.isReporting };
        const after = { name: input.name, isCentral: input.isCentral, isSupervising: input.isSupervising, isReporting: input.isReporting };
        if (same(before, after)) return { ok: true, changed: false };
        await tx
          .update(unitKinds)
          .set({ ...after, editedAt: ctx.now, editedBy: ctx.actor.userId })
          .where(eq(unitKinds.code, row.code));
        await recordAudit(tx, {
          action: 'dictionary.unit_kind_updated',
          ...auditOf(ctx),
          subjectType: 'unit_kind',
          subjectId: row.code,
          details: { before, after },
        });
        return { ok: true, changed: true };
      });
    },

    /** A role's name (unique) and description, as the wizard, Moje konto and the PDF show them. */
    async updateRole(ctx: Ctx, input: { code: string; name: string; description: string }): Promise<EditOutcome> {
      authorize(ctx.actor, 'dictionary.edit', DICT);
      return db.transaction(async (tx) => {
        await tx.execute(sql`lock table portal.roles in share row exclusive mode`);
        const [row] = await tx.select().from(roles).where(eq(roles.code, input.code));
        if (!row) throw notFound();
        const others = await tx.select({ name: roles.name }).from(roles).where(ne(roles.code, row.code));
        if (others.some((r) => lower(r.name) === lower(input.name))) return { ok: false, errors: { nazwa: m.nameTaken } };
        const before = { name: row.name, description: row.description };
        const after = { name: input.name, description: input.description };
        if (same(before, after)) return { ok: true, changed: false };
        await tx
          .update(roles)
          .set({ ...after, editedAt: ctx.now, editedBy: ctx.actor.userId })
          .where(eq(roles.code, row.code));
        await recordAudit(tx, { action: 'dictionary.role_updated', ...auditOf(ctx), subjectType: 'role', subjectId: row.code, details: { before, after } });
        return { ok: true, changed: true };
      });
    },

    /** A permission's name (unique) and business description; its code is what the code checks and never changes. */
    async updatePermission(ctx: Ctx, input: { code: string; name: string; description: string }): Promise<EditOutcome> {
      authorize(ctx.actor, 'dictionary.edit', DICT);
      return db.transaction(async (tx) => {
        await tx.execute(sql`lock table portal.permissions in share row exclusive mode`);
        const [row] = await tx.select().from(permissions).where(eq(permissions.code, input.code));
        if (!row) throw notFound();
        const others = await tx.select({ name: permissions.name }).from(permissions).where(ne(permissions.code, row.code));
        if (others.some((r) => lower(r.name) === lower(input.name))) return { ok: false, errors: { nazwa: m.nameTaken } };
        const before = { name: row.name, description: row.description };
        const after = { name: input.name, description: input.description };
        if (same(before, after)) return { ok: true, changed: false };
        await tx
          .update(permissions)
          .set({ ...after, editedAt: ctx.now, editedBy: ctx.actor.userId })
          .where(eq(permissions.code, row.code));
        await recordAudit(tx, {
          action: 'dictionary.permission_updated',
          ...auditOf(ctx),
          subjectType: 'permission',
          subjectId: row.code,
          details: { before, after },
        });
        return { ok: true, changed: true };
      });
    },

    /**
     * The role → permission map as a whole (the checkbox matrix): `pairs` are "ROLE:PERMISSION" of every
     * ticked box. Every role keeps at least one permission, and the profile worked in keeps "Zarządzanie
     * słownikami" (nobody locks themselves out of this page). Only roles whose set changed are written,
     * audited (before / after) and marked, so the seed leaves their mapping alone from then on.
     */
    async updateRolePermissions(ctx: Ctx, input: { pairs: readonly string[]; version: string }): Promise<EditOutcome> {
      authorize(ctx.actor, 'dictionary.edit', DICT);
      return db.transaction(async (tx) => {
        await tx.execute(sql`lock table portal.role_permissions in share row exclusive mode`);
        const roleRows = await tx.select({ code: roles.code, name: roles.name }).from(roles).orderBy(asc(roles.sortOrder));
        const permCodes = new Set((await tx.select({ code: permissions.code }).from(permissions)).map((p) => p.code));
        const wanted = new Map<string, Set<string>>(roleRows.map((r) => [r.code, new Set<string>()]));
        for (const pair of input.pairs) {
          const [role, perm] = pair.split(':');
          if (role && perm && wanted.has(role) && permCodes.has(perm)) wanted.get(role)!.add(perm);
        }
        const current = new Map<string, Set<string>>(roleRows.map((r) => [r.code, new Set<string>()]));
        for (const r of await tx.select().from(rolePermissions)) current.get(r.roleCode)?.add(r.permissionCode);

        const sorted = (s: Set<string>) => [...s].sort();
        const pairsOf = (m: Map<string, Set<string>>) => [...m].flatMap(([role, perms]) => [...perms].map((p) => `${role}:${p}`));
        // another administrator saved the map since this form was shown: their change is not undone
        // silently (a second submit of the same form, wanting what is there now, is simply no change)
        if (input.version !== mapVersion(pairsOf(current)) && mapVersion(pairsOf(wanted)) !== mapVersion(pairsOf(current))) {
          return { ok: false, errors: { macierz: m.mapChanged } };
        }
        const errors: Record<string, string> = {};
        for (const r of roleRows) if (wanted.get(r.code)!.size === 0) errors[`rola-${r.code}`] = m.roleNeedsPermission(r.name);
        if (!ctx.actor.roles.some((code) => wanted.get(code)?.has(MANAGE_DICTIONARIES))) errors.macierz = m.keepOwnAccess;
        if (Object.keys(errors).length) return { ok: false, errors };

        let changed = false;
        for (const r of roleRows) {
          const before = sorted(current.get(r.code)!);
          const after = sorted(wanted.get(r.code)!);
          if (same(before, after)) continue;
          changed = true;
          await tx.delete(rolePermissions).where(eq(rolePermissions.roleCode, r.code));
          await tx.insert(rolePermissions).values(after.map((permissionCode) => ({ roleCode: r.code, permissionCode })));
          await tx.update(roles).set({ permissionsEditedAt: ctx.now, permissionsEditedBy: ctx.actor.userId }).where(eq(roles.code, r.code));
          await recordAudit(tx, {
            action: 'dictionary.role_permissions_updated',
            ...auditOf(ctx),
            subjectType: 'role',
            subjectId: r.code,
            details: {
              before,
              after,
              added: after.filter((p) => !before.includes(p)),
              removed: before.filter((p) => !after.includes(p)),
            },
          });
        }
        return { ok: true, changed };
      });
    },

    /** What an SSOZ I role becomes in SSOZ II: a role, or not carried over with a note saying why. */
    async updateLegacyMapping(ctx: Ctx, input: { legacyName: string; roleCode: string | null; note: string }): Promise<EditOutcome> {
      authorize(ctx.actor, 'dictionary.edit', DICT);
      return db.transaction(async (tx) => {
        const [row] = await tx.select().from(legacyRoleMappings).where(eq(legacyRoleMappings.legacyName, input.legacyName)).for('update');
        if (!row) throw notFound();
        const errors: Record<string, string> = {};
        if (input.roleCode && !(await tx.select({ c: roles.code }).from(roles).where(eq(roles.code, input.roleCode))).length) errors.rola = m.roleUnknown;
        if (!input.roleCode && !input.note) errors.uwaga = m.noteRequired;
        if (Object.keys(errors).length) return { ok: false, errors };
        const before = { roleCode: row.roleCode, note: row.note };
        const after = { roleCode: input.roleCode, note: input.note || null };
        if (same(before, after)) return { ok: true, changed: false };
        await tx
          .update(legacyRoleMappings)
          .set({ ...after, editedAt: ctx.now, editedBy: ctx.actor.userId })
          .where(and(eq(legacyRoleMappings.legacyName, row.legacyName)));
        await recordAudit(tx, {
          action: 'dictionary.legacy_mapping_updated',
          ...auditOf(ctx),
          subjectType: 'legacy_role_mapping',
          subjectId: row.legacyName,
          details: { before, after },
        });
        return { ok: true, changed: true };
      });
    },

    /**
     * "Przywróć wartości dostarczone z systemem": the row (or a role's permissions) gets the values
     * shipped with this release and loses its edit mark, so later releases update it again. Audited
     * with before and after; a row that is not edited (or not shipped) has nothing to restore.
     */
    async restoreShipped(ctx: Ctx, input: { what: Restorable; key: string }): Promise<EditOutcome> {
      authorize(ctx.actor, 'dictionary.edit', DICT);
      return db.transaction(async (tx): Promise<EditOutcome> => {
        const audit = (before: unknown, after: unknown) =>
          recordAudit(tx, {
            action: 'dictionary.restored',
            ...auditOf(ctx),
            subjectType: input.what,
            subjectId: input.key,
            details: { before, after },
          });
        switch (input.what) {
          case 'unit_kind': {
            const shipped = UNIT_KINDS.find((k) => k.code === input.key);
            const [row] = await tx.select().from(unitKinds).where(eq(unitKinds.code, input.key)).for('update');
            if (!shipped || !row) throw notFound();
            if (!row.editedAt) return { ok: true, changed: false };
            const after = { name: shipped.name, isCentral: shipped.isCentral, isSupervising: shipped.isSupervising, isReporting: shipped.isReporting };
            const others = await tx.select().from(unitKinds).where(ne(unitKinds.code, row.code));
            if (others.some((k) => lower(k.name) === lower(after.name))) return { ok: false, errors: { nazwa: m.nameTaken } };
            if (others.filter((k) => k.isCentral).length + (after.isCentral ? 1 : 0) !== 1) return { ok: false, errors: { klasa: m.oneCentral } };
            await tx
              .update(unitKinds)
              .set({ ...after, editedAt: null, editedBy: null })
              .where(eq(unitKinds.code, row.code));
            await audit({ name: row.name, isCentral: row.isCentral, isSupervising: row.isSupervising, isReporting: row.isReporting }, after);
            return { ok: true, changed: true };
          }
          case 'role': {
            const shipped = ROLES.find((r) => r.code === input.key);
            const [row] = await tx.select().from(roles).where(eq(roles.code, input.key)).for('update');
            if (!shipped || !row) throw notFound();
            if (!row.editedAt) return { ok: true, changed: false };
            const others = await tx.select({ name: roles.name }).from(roles).where(ne(roles.code, row.code));
            if (others.some((r) => lower(r.name) === lower(shipped.name))) return { ok: false, errors: { nazwa: m.nameTaken } };
            await tx
              .update(roles)
              .set({ name: shipped.name, description: shipped.description, editedAt: null, editedBy: null })
              .where(eq(roles.code, row.code));
            await audit({ name: row.name, description: row.description }, { name: shipped.name, description: shipped.description });
            return { ok: true, changed: true };
          }
          case 'permission': {
            const shipped = PERMISSIONS.find((p) => p.code === input.key);
            const [row] = await tx.select().from(permissions).where(eq(permissions.code, input.key)).for('update');
            if (!shipped || !row) throw notFound();
            if (!row.editedAt) return { ok: true, changed: false };
            const others = await tx.select({ name: permissions.name }).from(permissions).where(ne(permissions.code, row.code));
            if (others.some((r) => lower(r.name) === lower(shipped.name))) return { ok: false, errors: { nazwa: m.nameTaken } };
            await tx
              .update(permissions)
              .set({ name: shipped.name, description: shipped.description, editedAt: null, editedBy: null })
              .where(eq(permissions.code, row.code));
            await audit({ name: row.name, description: row.description }, { name: shipped.name, description: shipped.description });
            return { ok: true, changed: true };
          }
          case 'role_permissions': {
            const shipped = ROLE_PERMISSIONS[input.key];
            const [row] = await tx.select().from(roles).where(eq(roles.code, input.key)).for('update');
            if (!shipped || !row) throw notFound();
            if (!row.permissionsEditedAt) return { ok: true, changed: false };
            const known = new Set((await tx.select({ code: permissions.code }).from(permissions)).map((p) => p.code));
            const after = shipped.filter((p) => known.has(p)).sort();
            if (ctx.actor.roles.includes(row.code) && !after.includes(MANAGE_DICTIONARIES)) {
              // restoring one's own role must not take away this page (the matrix rule)
              const keeps = await tx
                .select()
                .from(rolePermissions)
                .where(and(eq(rolePermissions.permissionCode, MANAGE_DICTIONARIES), ne(rolePermissions.roleCode, row.code)));
              if (!keeps.some((k) => ctx.actor.roles.includes(k.roleCode))) return { ok: false, errors: { macierz: m.keepOwnAccess } };
            }
            const before = (await tx.select().from(rolePermissions).where(eq(rolePermissions.roleCode, row.code))).map((r) => r.permissionCode).sort();
            await tx.delete(rolePermissions).where(eq(rolePermissions.roleCode, row.code));
            if (after.length) await tx.insert(rolePermissions).values(after.map((permissionCode) => ({ roleCode: row.code, permissionCode })));
            await tx.update(roles).set({ permissionsEditedAt: null, permissionsEditedBy: null }).where(eq(roles.code, row.code));
            await audit(before, after);
            return { ok: true, changed: true };
          }
          case 'legacy_role_mapping': {
            const shipped = LEGACY_ROLE_MAPPINGS.find((l) => l.legacyName === input.key);
            const [row] = await tx.select().from(legacyRoleMappings).where(eq(legacyRoleMappings.legacyName, input.key)).for('update');
            if (!shipped || !row) throw notFound();
            if (!row.editedAt) return { ok: true, changed: false };
            await tx
              .update(legacyRoleMappings)
              .set({ roleCode: shipped.roleCode, note: shipped.note, editedAt: null, editedBy: null })
              .where(eq(legacyRoleMappings.legacyName, row.legacyName));
            await audit({ roleCode: row.roleCode, note: row.note }, { roleCode: shipped.roleCode, note: shipped.note });
            return { ok: true, changed: true };
          }
        }
      });
    },

    /** Whether the code ships a value for this row (only then "Przywróć …" is offered). */
    isShipped(what: Restorable, key: string): boolean {
      switch (what) {
        case 'unit_kind':
          return UNIT_KINDS.some((k) => k.code === key);
        case 'role':
          return ROLES.some((r) => r.code === key);
        case 'role_permissions':
          return key in ROLE_PERMISSIONS;
        case 'permission':
          return PERMISSIONS.some((p) => p.code === key);
        case 'legacy_role_mapping':
          return LEGACY_ROLE_MAPPINGS.some((l) => l.legacyName === key);
      }
    },
  };
}
