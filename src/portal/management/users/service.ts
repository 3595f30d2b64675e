import { recordAudit } from '../../../db/repositories/audit.ts';
import { transition } from '../../../db/repositories/request-lifecycle.ts';
import { recomputeProfileStatus } from '../../../db/repositories/requests.ts';
import {
  findProfileRequest,
  findUser,
  managedProfile,
  profileAdminHistory,
  profileRequests,
  searchUsers,
  setProfileBlock,
  userProfiles,
  type ManagedProfileRow,
  type UserSearchFilters,
} from '../../../db/repositories/user-admin.ts';
import { isValidPesel, maskPesel } from '../../../domain/identifiers.ts';
import { PROFILE_STATUS_LABELS, isProfileStatus } from '../../../domain/status.ts';
import { notFound } from '../../../lib/errors.ts';
import { profileBlocked, profileUnblocked, roleRevoked } from '../../../mail/templates.ts';
import { peselLinkHash } from '../../auth/pesel-link.ts';
import { peselForVerifier } from '../../auth/pesel-view.ts';
import { auditOf, type Ctx, type ServiceDeps } from '../../context.ts';
import { authorize, decide, isCezAdministrator, MANAGE_USERS, usersScope, type ManagedProfileSubject } from '../../policies/index.ts';
import { destroyUserSessions } from '../../session/store.ts';

export type ActionOutcome = 'ok' | 'unchanged';
export type ProfileAction = 'block' | 'unblock';

function subjectOf(p: ManagedProfileRow): ManagedProfileSubject {
  return {
    type: 'managedProfile',
    ownerUserId: p.userId,
    profileId: p.id,
    unitIsOffice: p.unitIsOffice,
    unitVoivodeshipCode: p.unitVoivodeshipCode,
    verifyingUnitIds: p.verifyingUnitIds,
  };
}

/** "Zarządzanie → Użytkownicy": search, a user's page, blocking and unblocking a profile, taking a role back. */
export function managementUserService({ db, outbox, config }: ServiceDeps) {
  /** A profile of this user, authorised for the action (404 out of scope or not this user's, 403 not allowed). */
  async function profileFor(ctx: Ctx, input: { userId: string; profileId: string }, action: 'managedProfile.block' | 'managedProfile.unblock', o = {}) {
    const p = await managedProfile(db, input.profileId, o);
    if (!p || p.userId !== input.userId) throw notFound();
    authorize(ctx.actor, action, subjectOf(p));
    return p;
  }

  return {
    async search(ctx: Ctx, input: { filters: Omit<UserSearchFilters, 'peselHash'> & { pesel: string }; page: number; size: number }) {
      authorize(ctx.actor, 'management.open', { type: 'management', submodule: 'users' });
      const scope = usersScope(ctx.actor);
      if (!scope) throw new Error('users sub-module without a scope');
      const { pesel, ...rest } = input.filters;
      // the portal keeps a PESEL only as its keyed hash: an exact number is found through the same hash
      const peselHash = pesel && isValidPesel(pesel) ? peselLinkHash(config, pesel) : null;
      const list = await searchUsers(db, scope, { ...rest, peselHash }, { page: input.page, size: input.size });
      const unmasked = isCezAdministrator(ctx.actor);
      return {
        ...list,
        scope,
        readOnly: !ctx.actor.permissions.has(MANAGE_USERS),
        peselShown: peselHash ? (unmasked ? pesel : maskPesel(pesel)) : null,
      };
    },

    /** A user's page: only the profiles in the actor's scope, their roles, requests and the administrators' actions on them. */
    async detail(ctx: Ctx, input: { userId: string }) {
      authorize(ctx.actor, 'management.open', { type: 'management', submodule: 'users' });
      const user = await findUser(db, input.userId);
      if (!user) throw notFound();
      const all = await userProfiles(db, user.id);
      authorize(ctx.actor, 'user.review', { type: 'managedUser', userId: user.id, profiles: all.map(subjectOf) });
      const visible = all.filter((p) => decide(ctx.actor, 'managedProfile.review', subjectOf(p)) === 'allow');
      const ids = visible.map((p) => p.id);
      const requests = await profileRequests(db, ids);
      const history = await profileAdminHistory(db, ids);
      const own = user.id === ctx.actor.userId;
      // masked for every verifier, in full for Administrator CeZ (audited); the ciphertext goes no further
      const { peselEnc, peselMasked, ...shown } = user;
      const pesel = await peselForVerifier(db, ctx, config.peselKey, { id: user.id, peselMasked, peselEnc }, { page: 'user' });
      return {
        user: shown,
        pesel,
        own,
        readOnly: !ctx.actor.permissions.has(MANAGE_USERS),
        profiles: visible.map((p) => {
          const s = subjectOf(p);
          const mine = requests.filter((r) => r.profileId === p.id);
          return {
            ...p,
            canBlock: !p.blockedAt && decide(ctx.actor, 'managedProfile.block', s) === 'allow',
            canUnblock: Boolean(p.blockedAt) && decide(ctx.actor, 'managedProfile.unblock', s) === 'allow',
            roles: mine
              .filter((r) => r.status === 'zatwierdzony')
              .map((r) => ({
                ...r,
                canRevoke: decide(ctx.actor, 'grantedRole.revoke', { type: 'grantedRole', profile: s, verifyingUnitId: r.verifyingUnitId }) === 'allow',
              })),
            requests: mine,
            history: history.filter((h) => h.profileId === p.id),
          };
        }),
      };
    },

    /** The profile a block / unblock form is about (the confirmation page), authorised for that action. */
    async profileForAction(ctx: Ctx, input: { userId: string; profileId: string; action: ProfileAction }) {
      authorize(ctx.actor, 'management.open', { type: 'management', submodule: 'users' });
      const user = await findUser(db, input.userId);
      if (!user) throw notFound();
      const p = await profileFor(ctx, input, input.action === 'block' ? 'managedProfile.block' : 'managedProfile.unblock');
      return { user, profile: p };
    },

    /** The role a "Odbierz rolę" form is about, authorised. */
    async roleForRevoke(ctx: Ctx, input: { userId: string; requestId: string }) {
      authorize(ctx.actor, 'management.open', { type: 'management', submodule: 'users' });
      const user = await findUser(db, input.userId);
      const r = await findProfileRequest(db, input.requestId);
      if (!user || !r) throw notFound();
      const p = await managedProfile(db, r.profileId);
      if (!p || p.userId !== user.id) throw notFound();
      authorize(ctx.actor, 'managedProfile.review', subjectOf(p));
      authorize(ctx.actor, 'grantedRole.revoke', { type: 'grantedRole', profile: subjectOf(p), verifyingUnitId: r.verifyingUnitId });
      return { user, profile: p, request: r };
    },

    /**
     * "Zablokuj profil": status zablokowany, the owner's portal sessions end at once (their next click
     * lands on the login page), the owner gets an e-mail with the reason, audited — one transaction,
     * on the locked profile row, so a second submit (or a second administrator) changes nothing.
     */
    async block(ctx: Ctx, input: { userId: string; profileId: string; reason: string }): Promise<ActionOutcome> {
      authorize(ctx.actor, 'management.open', { type: 'management', submodule: 'users' });
      return db.transaction(async (tx) => {
        const p = await managedProfile(tx, input.profileId, { lock: true });
        if (!p || p.userId !== input.userId) throw notFound();
        authorize(ctx.actor, 'managedProfile.block', subjectOf(p));
        if (p.blockedAt) return 'unchanged';
        await setProfileBlock(tx, p.id, { at: ctx.now, by: ctx.actor.userId, reason: input.reason }, ctx.now);
        const status = await recomputeProfileStatus(tx, p.id, ctx.now);
        const sessionsEnded = await destroyUserSessions(tx, p.userId);
        await recordAudit(tx, {
          action: 'management.profile_blocked',
          ...auditOf(ctx),
          subjectType: 'profile',
          subjectId: p.id,
          details: { userId: p.userId, unitId: p.unitId, unitName: p.unitName, reason: input.reason, from: p.status, to: status, sessionsEnded },
        });
        await outbox.enqueue(tx, {
          channel: 'email',
          to: p.email,
          ...profileBlocked({ unitName: p.unitName, reason: input.reason, portalUrl: config.publicUrl }),
        });
        return 'ok';
      });
    },

    /** "Odblokuj profil": the status its requests and unit give it again (recomputed), an e-mail, audited. */
    async unblock(ctx: Ctx, input: { userId: string; profileId: string; reason: string }): Promise<ActionOutcome> {
      authorize(ctx.actor, 'management.open', { type: 'management', submodule: 'users' });
      return db.transaction(async (tx) => {
        const p = await managedProfile(tx, input.profileId, { lock: true });
        if (!p || p.userId !== input.userId) throw notFound();
        authorize(ctx.actor, 'managedProfile.unblock', subjectOf(p));
        if (!p.blockedAt) return 'unchanged';
        await setProfileBlock(tx, p.id, null, ctx.now);
        const status = await recomputeProfileStatus(tx, p.id, ctx.now);
        await recordAudit(tx, {
          action: 'management.profile_unblocked',
          ...auditOf(ctx),
          subjectType: 'profile',
          subjectId: p.id,
          details: { userId: p.userId, unitId: p.unitId, unitName: p.unitName, reason: input.reason, from: p.status, to: status },
        });
        const statusLabel = isProfileStatus(status) ? PROFILE_STATUS_LABELS[status] : status;
        await outbox.enqueue(tx, {
          channel: 'email',
          to: p.email,
          ...profileUnblocked({ unitName: p.unitName, statusLabel, reason: input.reason, portalUrl: config.publicUrl }),
        });
        return 'ok';
      });
    },

    /**
     * "Odbierz rolę": one approved role of a profile becomes "odebrany" through the request lifecycle
     * (row lock: a second submit finds it no longer approved and changes nothing); the profile's
     * status is recomputed there; permissions are computed per request, so the role is gone on the
     * owner's next click. E-mail to the owner, audited on the request and on the profile.
     */
    async revoke(ctx: Ctx, input: { userId: string; requestId: string; reason: string }): Promise<ActionOutcome> {
      authorize(ctx.actor, 'management.open', { type: 'management', submodule: 'users' });
      return db.transaction(async (tx) => {
        const r = await findProfileRequest(tx, input.requestId);
        if (!r) throw notFound();
        const p = await managedProfile(tx, r.profileId, { lock: true });
        if (!p || p.userId !== input.userId) throw notFound();
        authorize(ctx.actor, 'grantedRole.revoke', { type: 'grantedRole', profile: subjectOf(p), verifyingUnitId: r.verifyingUnitId });
        const moved = await transition(tx, r.id, 'odebrany', {
          by: ctx.actor.userId,
          reason: input.reason,
          event: 'revoked',
          at: ctx.now,
          ip: ctx.ip,
          requestId: ctx.requestId,
        });
        if (!moved.ok) return 'unchanged';
        await recordAudit(tx, {
          action: 'management.role_revoked',
          ...auditOf(ctx),
          subjectType: 'profile',
          subjectId: p.id,
          details: { userId: p.userId, requestId: r.id, number: r.number, roleName: r.roleName, reason: input.reason, profileStatus: moved.profileStatus },
        });
        await outbox.enqueue(tx, {
          channel: 'email',
          to: p.email,
          ...roleRevoked({ number: r.number, roleName: r.roleName, unitName: p.unitName, reason: input.reason, portalUrl: config.publicUrl }),
        });
        return 'ok';
      });
    },
  };
}
