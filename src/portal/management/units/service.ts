import { randomUUID } from 'node:crypto';
import { eq } from 'drizzle-orm';
import type { DbOrTx } from '../../../db/client.ts';
import { recordAudit } from '../../../db/repositories/audit.ts';
import { searchUnits, type UnitStatusFilter } from '../../../db/repositories/unit-search.ts';
import {
  existingSupervisorIds,
  findDuplicateUnits,
  lockUnitRegistry,
  recomputeUnitProfiles,
  setUnitSupervisors,
  supervisorCandidates,
  unitBySourceKey,
  unitKindList,
  unitRecord,
  type UnitKindRow,
  type UnitRecord,
} from '../../../db/repositories/units.ts';
import { units } from '../../../db/schema/index.ts';
import { checkContact } from '../../../domain/contact.ts';
import { isValidNip, isValidRegon, isValidTerytGmina, normalizeNip } from '../../../domain/identifiers.ts';
import { isProfileStatus, PROFILE_STATUS_LABELS } from '../../../domain/status.ts';
import { notFound } from '../../../lib/errors.ts';
import { UUID_RE } from '../../../lib/ids.ts';
import { describeGmina, findVoivodeship, loadTeryt } from '../../../lib/teryt.ts';
import { foldForSearch } from '../../../lib/text.ts';
import { unitProfileBlocked, unitProfileRestored } from '../../../mail/templates.ts';
import { auditOf, type Ctx, type ServiceDeps } from '../../context.ts';
import { authorize, decide, unitEditScope } from '../../policies/index.ts';
import type { Actor } from '../../actor/actor.ts';
import { unitMessages as m } from './messages.ts';
import type { AddUnitInput, EditUnitInput, UnitListQueryT } from './schema.ts';

/** Kinds registered in RPWDL (podmioty lecznicze, praktyki zawodowe): their units carry a registry book number. */
const RPWDL_KINDS = new Set(['PODM', 'PRAKT']);

const STATUS_FILTER: Record<UnitListQueryT['status'], UnitStatusFilter> = { aktywne: 'active', nieaktywne: 'inactive', wszystkie: 'all' };

export type FieldErrors = Record<string, string>;

/** The values of a unit as its form shows and stores them. */
export interface UnitValues {
  nazwa: string;
  rodzaj: string;
  teryt: string;
  miejscowosc: string;
  kod: string;
  ulica: string;
  nr: string;
  phone: string;
  email: string;
  nadrzedne: string[];
}

export type EditOutcome =
  | { ok: true; result: 'saved' | 'unchanged'; statusChange: 'deactivated' | 'reactivated' | null; blocked: number; restored: number }
  | { ok: false; errors: FieldErrors; stale?: boolean };
export type AddOutcome = { ok: true; unitId: string } | { ok: false; errors: FieldErrors };

/** Whole-registry TERYT facts of a gmina, as the unit row stores them. */
interface Place {
  teryt: string;
  voivodeshipCode: string;
  voivodeship: string;
  powiat: string;
  gmina: string;
}

export function voivodeshipOptions(): { code: string; name: string }[] {
  return loadTeryt().voivodeships.map((v) => ({ code: v.code, name: v.name }));
}

export function valuesOf(rec: UnitRecord): UnitValues {
  const u = rec.unit;
  return {
    nazwa: u.name,
    rodzaj: u.kindCode,
    teryt: u.teryt ?? '',
    miejscowosc: u.locality ?? '',
    kod: u.postalCode ?? '',
    ulica: u.street ?? '',
    nr: u.buildingNo ?? '',
    phone: u.phone ?? '',
    email: u.email ?? '',
    nadrzedne: rec.supervisors.map((s) => s.id),
  };
}

function scopeVoivodeshipName(actor: Actor): string {
  const scope = unitEditScope(actor);
  return scope?.kind === 'voivodeship' ? (findVoivodeship(scope.code)?.name ?? scope.code) : '';
}

/** The kinds the actor may give a unit: never central; a verifying office's kind only by Administrator CeZ (the current one stays). */
function kindsFor(actor: Actor, kinds: UnitKindRow[], current: string | null): UnitKindRow[] {
  const all = unitEditScope(actor)?.kind === 'all';
  return kinds.filter((k) => k.code === current || (!k.isCentral && (all || k.isReporting)));
}

/** The central unit and the unit the administrator works in cannot be made inactive. */
function checkDeactivation(actor: Actor, rec: UnitRecord, active: boolean, errors: FieldErrors): void {
  if (active || !rec.unit.isActive) return;
  if (rec.kind.isCentral) errors.status = m.deactivateCentral;
  else if (actor.profile?.unitId === rec.unit.id) errors.status = m.deactivateOwn;
}

/** "Zarządzanie → Jednostki": search, a unit's data, its edit (status included) and "Dodaj jednostkę", scoped by the policy layer. */
export function managementUnitService({ db, outbox, config }: ServiceDeps) {
  /**
   * The checks common to adding and editing: the kind from the dictionary (never central), the gmina
   * by its TERYT code and within the actor's voivodeship, the postal code, the contact, and the
   * supervising units among the registry's supervising ones. Returns the place or the errors.
   */
  async function checkCommon(
    tx: DbOrTx,
    actor: Actor,
    v: UnitValues,
    kinds: UnitKindRow[],
    current: { unitId: string; kindCode: string; isCentral: boolean } | null,
    errors: FieldErrors,
  ): Promise<{ place: Place | null; phone: string | null; email: string | null; supervisors: string[] }> {
    const kind = kinds.find((k) => k.code === v.rodzaj);
    if (!errors.rodzaj) {
      if (current?.isCentral) {
        if (v.rodzaj !== current.kindCode) errors.rodzaj = m.kindOfCentral;
      } else if (!kind) errors.rodzaj = m.kindUnknown;
      else if (kind.isCentral) errors.rodzaj = m.kindCentral;
      // a verifying office's kind (not a reporting one) changes where requests go: Administrator CeZ sets it
      else if (!kind.isReporting && kind.code !== current?.kindCode && unitEditScope(actor)?.kind !== 'all') errors.rodzaj = m.kindCezOnly;
    }

    let place: Place | null = null;
    const teryt = v.teryt.replace(/\s/g, '');
    if (!errors.teryt) {
      if (!isValidTerytGmina(teryt)) errors.teryt = m.terytInvalid;
      else {
        const g = describeGmina(teryt);
        if (!g) errors.teryt = m.terytUnknown;
        else {
          const scope = unitEditScope(actor);
          if (scope?.kind === 'voivodeship' && g.voivodeship.code !== scope.code) errors.teryt = m.terytOutOfScope(scopeVoivodeshipName(actor));
          else place = { teryt, voivodeshipCode: g.voivodeship.code, voivodeship: g.voivodeship.name, powiat: g.powiat.name, gmina: g.gmina.name };
        }
      }
    }

    if (!errors.kod && !/^\d{2}-\d{3}$/.test(v.kod)) errors.kod = m.postalInvalid;

    // "Dane kontaktowe" of the unit: Telefon * and E-mail *, checked as everywhere in the portal
    const contact = checkContact({ phone: v.phone, email: v.email });
    if (!contact.ok) for (const [k, msg] of Object.entries(contact.errors)) if (!errors[k]) errors[k] = msg;
    const phone = contact.ok ? contact.phone : null;
    const email = contact.ok ? contact.email : null;

    const wanted = [...new Set(v.nadrzedne)];
    if (current && wanted.includes(current.unitId)) errors.nadrzedne = m.supervisorSelf;
    else {
      const known = await existingSupervisorIds(tx, wanted);
      if (wanted.some((id) => !known.has(id))) errors.nadrzedne = m.supervisorsInvalid;
    }
    return { place, phone, email, supervisors: wanted.filter((id) => UUID_RE.test(id)).sort() };
  }

  /**
   * Every check of "Dodaj jednostkę" beyond the form's own: those common with the edit, the NIP and
   * REGON checksums, the registry book number and the units already holding them. A field whose
   * value was already refused (e.g. missing) keeps that message; the others are still checked, so
   * one submit reports every problem.
   */
  async function checkAddition(tx: DbOrTx, actor: Actor, d: AddUnitInput, errors: FieldErrors) {
    const v: UnitValues = {
      nazwa: d.nazwa,
      rodzaj: d.rodzaj,
      teryt: d.teryt,
      miejscowosc: d.miejscowosc,
      kod: d.kod,
      ulica: d.ulica,
      nr: d.nr,
      phone: d.phone,
      email: d.email,
      nadrzedne: d.nadrzedne,
    };
    const kinds = await unitKindList(tx);
    const c = await checkCommon(tx, actor, v, kinds, null, errors);
    const nip = normalizeNip(d.nip);
    if (!errors.nip && !isValidNip(nip)) errors.nip = m.nipInvalid;
    const regon = d.regon.replace(/[\s-]/g, '');
    if (!errors.regon && !isValidRegon(regon)) errors.regon = m.regonInvalid;
    const book = d.ksiega.replace(/[\s-]/g, '');
    if (!errors.ksiega) {
      if (book && !/^\d{1,30}$/.test(book)) errors.ksiega = m.bookInvalid;
      else if (!book && RPWDL_KINDS.has(v.rodzaj)) errors.ksiega = m.bookRequired;
    }
    const dups = await findDuplicateUnits(tx, {
      nip: errors.nip ? null : nip,
      regon: errors.regon ? null : regon,
      registryBookNo: errors.ksiega || !book ? null : book,
    });
    for (const dup of dups) errors[dup.field === 'registryBookNo' ? 'ksiega' : dup.field] = m.duplicate(dup.field, dup.name);
    return { v, c, nip, regon, book };
  }

  return {
    /**
     * "Dodaj jednostkę" refused at the form's boundary (a required field empty, a value too long):
     * the other checks still run on what was typed and their messages join the form's, so the
     * person sees every problem after one submit. Authorised like the addition itself.
     */
    async checkTypedAddition(
      ctx: Ctx,
      input: { typed: Readonly<Record<string, string | undefined>>; supervisors: string[]; errors: FieldErrors },
    ): Promise<FieldErrors> {
      authorize(ctx.actor, 'unit.add', { type: 'unit', voivodeshipCode: null });
      const t = (k: string) => (input.typed[k] ?? '').trim();
      const d: AddUnitInput = {
        ...typedUnitValues(input.typed, input.supervisors),
        nip: t('nip'),
        regon: t('regon'),
        ksiega: t('ksiega'),
        token: '',
      };
      const errors: FieldErrors = { ...input.errors };
      await checkAddition(db, ctx.actor, d, errors);
      return errors;
    },

    async search(ctx: Ctx, q: UnitListQueryT) {
      authorize(ctx.actor, 'management.open', { type: 'management', submodule: 'units' });
      const kinds = await unitKindList(db);
      const result = await searchUnits(
        db,
        {
          kindCode: q.rodzaj || undefined,
          name: q.nazwa || undefined,
          nip: q.nip || undefined,
          regon: q.regon || undefined,
          registryBookNo: q.ksiega || undefined,
          teryt: q.teryt || undefined,
          voivodeshipCode: q.woj || undefined,
          sort: q.sortuj,
          direction: q.kierunek,
          page: q.strona,
          pageSize: Number(q.ile) as 10 | 25 | 50 | 100,
        },
        { listAll: true, status: STATUS_FILTER[q.status] },
      );
      const scope = unitEditScope(ctx.actor);
      return {
        kinds,
        voivodeships: voivodeshipOptions(),
        result,
        scopeText: !scope ? m.scopeReadOnly : scope.kind === 'all' ? m.scopeAll : m.scopeVoivodeship(scopeVoivodeshipName(ctx.actor)),
        canAdd: decide(ctx.actor, 'unit.add', { type: 'unit', voivodeshipCode: null }) === 'allow',
      };
    },

    async view(ctx: Ctx, input: { unitId: string }) {
      const rec = await unitRecord(db, input.unitId);
      if (!rec) throw notFound();
      authorize(ctx.actor, 'unit.view', { type: 'unit', voivodeshipCode: rec.unit.voivodeshipCode });
      const canEdit = decide(ctx.actor, 'unit.edit', { type: 'unit', voivodeshipCode: rec.unit.voivodeshipCode }) === 'allow';
      const scope = unitEditScope(ctx.actor);
      return { ...rec, canEdit, otherVoivodeship: !canEdit && scope?.kind === 'voivodeship' };
    },

    async editForm(ctx: Ctx, input: { unitId: string }) {
      const rec = await unitRecord(db, input.unitId);
      if (!rec) throw notFound();
      authorize(ctx.actor, 'unit.edit', { type: 'unit', voivodeshipCode: rec.unit.voivodeshipCode });
      return { rec, kinds: kindsFor(ctx.actor, await unitKindList(db), rec.unit.kindCode), candidates: await supervisorCandidates(db) };
    },

    async addForm(ctx: Ctx) {
      authorize(ctx.actor, 'unit.add', { type: 'unit', voivodeshipCode: null });
      return {
        kinds: kindsFor(ctx.actor, await unitKindList(db), null),
        candidates: await supervisorCandidates(db),
        token: randomUUID(),
        scopeText: scopeVoivodeshipName(ctx.actor),
      };
    },

    /**
     * An edit refused at the form's boundary: authorised like the change itself (404 / 403 first),
     * then the edit's own checks run on what was typed, so one submit shows every message.
     */
    async checkTypedEdit(
      ctx: Ctx,
      input: { unitId: string; typed: Readonly<Record<string, string | undefined>>; supervisors: string[]; errors: FieldErrors },
    ): Promise<FieldErrors> {
      const rec = await unitRecord(db, input.unitId);
      if (!rec) throw notFound();
      authorize(ctx.actor, 'unit.edit', { type: 'unit', voivodeshipCode: rec.unit.voivodeshipCode });
      const v: UnitValues = typedUnitValues(input.typed, input.supervisors);
      const errors: FieldErrors = { ...input.errors };
      const current = { unitId: rec.unit.id, kindCode: rec.unit.kindCode, isCentral: rec.kind.isCentral };
      await checkCommon(db, ctx.actor, v, await unitKindList(db), current, errors);
      if (!errors.status) checkDeactivation(ctx.actor, rec, (input.typed.status ?? '').trim() === 'aktywna', errors);
      return errors;
    },

    /**
     * "Zapisz zmiany": in one transaction with the unit's row locked — checks, the new values, the
     * supervising units, and when the status changes every profile of the unit derived again (blocked
     * by an inactive unit, given back on reactivation) with an e-mail to each owner; audited with what
     * changed. The same form sent twice changes nothing the second time; a form built on data someone
     * else has changed since is refused (stale).
     */
    async update(ctx: Ctx, input: { unitId: string; data: EditUnitInput }): Promise<EditOutcome> {
      return db.transaction(async (tx) => {
        const rec = await unitRecord(tx, input.unitId, { lock: true });
        if (!rec) throw notFound();
        authorize(ctx.actor, 'unit.edit', { type: 'unit', voivodeshipCode: rec.unit.voivodeshipCode });
        const d = input.data;
        const v: UnitValues = {
          nazwa: d.nazwa,
          rodzaj: d.rodzaj,
          teryt: d.teryt,
          miejscowosc: d.miejscowosc,
          kod: d.kod,
          ulica: d.ulica,
          nr: d.nr,
          phone: d.phone,
          email: d.email,
          nadrzedne: d.nadrzedne,
        };
        const errors: FieldErrors = {};
        const kinds = await unitKindList(tx);
        const c = await checkCommon(tx, ctx.actor, v, kinds, { unitId: rec.unit.id, kindCode: rec.unit.kindCode, isCentral: rec.kind.isCentral }, errors);
        const active = d.status === 'aktywna';
        checkDeactivation(ctx.actor, rec, active, errors);
        if (Object.keys(errors).length || !c.place) return { ok: false, errors };

        const next = {
          name: v.nazwa,
          kindCode: rec.kind.isCentral ? rec.unit.kindCode : v.rodzaj,
          teryt: c.place.teryt,
          voivodeshipCode: c.place.voivodeshipCode,
          voivodeship: c.place.voivodeship,
          powiat: c.place.powiat,
          gmina: c.place.gmina,
          locality: v.miejscowosc,
          postalCode: v.kod,
          street: v.ulica || null,
          buildingNo: v.nr,
          phone: c.phone,
          email: c.email,
          isActive: active,
        };
        const changes: Record<string, { from: unknown; to: unknown }> = {};
        for (const [k, to] of Object.entries(next)) {
          const from = rec.unit[k as keyof typeof next];
          if (from !== to) changes[k] = { from, to };
        }
        const before = rec.supervisors.map((s) => s.id).sort();
        const supervisorsChanged = before.join() !== c.supervisors.join();
        if (supervisorsChanged) changes.supervisors = { from: before, to: c.supervisors };
        const fresh = d.wersja === rec.unit.updatedAt.toISOString();

        if (!Object.keys(changes).length) return { ok: true, result: fresh ? 'unchanged' : 'saved', statusChange: null, blocked: 0, restored: 0 };
        if (!fresh) return { ok: false, errors: {}, stale: true };

        await tx
          .update(units)
          .set({ ...next, searchName: foldForSearch(next.name), updatedAt: ctx.now })
          .where(eq(units.id, rec.unit.id));
        if (supervisorsChanged) await setUnitSupervisors(tx, rec.unit.id, c.supervisors);
        await recordAudit(tx, { action: 'unit.updated', ...auditOf(ctx), subjectType: 'unit', subjectId: rec.unit.id, details: { changes } });

        let blocked = 0;
        let restored = 0;
        if (changes.isActive) {
          const moved = await recomputeUnitProfiles(tx, rec.unit.id, ctx.now);
          for (const p of moved) {
            if (p.to === 'zablokowany') {
              blocked++;
              await outbox.enqueue(tx, { channel: 'email', to: p.email, ...unitProfileBlocked({ unitName: next.name, portalUrl: config.publicUrl }) });
            } else if (p.from === 'zablokowany') {
              restored++;
              const statusLabel = isProfileStatus(p.to) ? PROFILE_STATUS_LABELS[p.to] : p.to;
              await outbox.enqueue(tx, {
                channel: 'email',
                to: p.email,
                ...unitProfileRestored({ unitName: next.name, statusLabel, portalUrl: config.publicUrl }),
              });
            }
          }
          await recordAudit(tx, {
            action: active ? 'unit.reactivated' : 'unit.deactivated',
            ...auditOf(ctx),
            subjectType: 'unit',
            subjectId: rec.unit.id,
            details: { profiles: moved.map((p) => ({ profileId: p.profileId, userId: p.userId, from: p.from, to: p.to })) },
          });
        }
        const statusChange = changes.isActive ? (active ? 'reactivated' : 'deactivated') : null;
        return { ok: true, result: 'saved', statusChange, blocked, restored };
      });
    },

    /**
     * "Dodaj jednostkę": NIP and REGON checksums, the registry book number where RPWDL needs one, no
     * other unit with the same NIP, REGON or book number (checked under a lock, so two additions at
     * once cannot both pass), then the unit and its supervising units, audited. The form's token is
     * the unit's source key: the same form sent twice leads to the one unit it created.
     */
    async add(ctx: Ctx, input: { data: AddUnitInput }): Promise<AddOutcome> {
      const d = input.data;
      const token = UUID_RE.test(d.token) ? d.token.toLowerCase() : randomUUID();
      const sourceKey = `portal:${token}`;
      return db.transaction(async (tx) => {
        authorize(ctx.actor, 'unit.add', { type: 'unit', voivodeshipCode: null });
        await lockUnitRegistry(tx);
        const again = await unitBySourceKey(tx, sourceKey);
        if (again) return { ok: true, unitId: again };

        const errors: FieldErrors = {};
        const { v, c, nip, regon, book } = await checkAddition(tx, ctx.actor, d, errors);
        if (Object.keys(errors).length || !c.place) return { ok: false, errors };
        // the new unit must lie where the actor may add (Administrator UW: its voivodeship; checked on the place too)
        authorize(ctx.actor, 'unit.add', { type: 'unit', voivodeshipCode: c.place.voivodeshipCode });

        const values = {
          sourceKey,
          kindCode: v.rodzaj,
          name: v.nazwa,
          searchName: foldForSearch(v.nazwa),
          nip,
          regon,
          registryBookNo: book || null,
          teryt: c.place.teryt,
          voivodeshipCode: c.place.voivodeshipCode,
          voivodeship: c.place.voivodeship,
          powiat: c.place.powiat,
          gmina: c.place.gmina,
          locality: v.miejscowosc,
          postalCode: v.kod,
          street: v.ulica || null,
          buildingNo: v.nr,
          phone: c.phone,
          email: c.email,
          isActive: true,
          createdAt: ctx.now,
          updatedAt: ctx.now,
        };
        const [row] = await tx.insert(units).values(values).returning({ id: units.id });
        if (!row) throw new Error('unit insert failed');
        if (c.supervisors.length) await setUnitSupervisors(tx, row.id, c.supervisors);
        const { searchName: _s, createdAt: _c, updatedAt: _u, ...audited } = values;
        await recordAudit(tx, {
          action: 'unit.created',
          ...auditOf(ctx),
          subjectType: 'unit',
          subjectId: row.id,
          details: { values: audited, supervisors: c.supervisors },
        });
        return { ok: true, unitId: row.id };
      });
    },
  };
}

/** The common fields of the add and edit forms as typed (trimmed), for checking a form refused at the boundary. */
function typedUnitValues(typed: Readonly<Record<string, string | undefined>>, supervisors: string[]): UnitValues {
  const t = (k: string) => (typed[k] ?? '').trim();
  return {
    nazwa: t('nazwa'),
    rodzaj: t('rodzaj'),
    teryt: t('teryt'),
    miejscowosc: t('miejscowosc'),
    kod: t('kod'),
    ulica: t('ulica'),
    nr: t('nr'),
    phone: t('phone'),
    email: t('email'),
    nadrzedne: supervisors,
  };
}
