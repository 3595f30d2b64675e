import { countWaiting } from '../../../db/repositories/request-queue.ts';
import { latestAnnouncement } from '../../../db/repositories/users.ts';
import { profilePermissions } from '../../actor/actor.ts';
import type { Ctx, ServiceDeps } from '../../context.ts';
import { tilesFor, type ModuleTile } from '../../modules.ts';
import { requestQueueScope } from '../../policies/index.ts';
import { reportingObligationService } from '../../reporting/obligations.ts';
import { reportingService } from '../../reporting/service.ts';

export type HomeView =
  /** no profile yet: "Wybierz sposób utworzenia profilu" */
  | { kind: 'welcome' }
  /** several active profiles and none chosen: pick one in Moje konto */
  | { kind: 'choose' }
  /** the profile's unit has not answered this year's ankieta yet: it is answered first */
  | { kind: 'survey'; chosen: string | null }
  | {
      kind: 'home';
      current: { id: string; unitName: string } | null;
      /** set when the only active profile was chosen now (the route keeps it in the session) */
      chosen: string | null;
      tiles: ModuleTile[];
      /** the numbers tiles show (ModuleTile.count) */
      counts: { waitingRequests: number | null; reports: Record<string, number> | null };
      announcement: Awaited<ReturnType<typeof latestAnnouncement>>;
    };

/** "Strona główna": the profile worked in, the modules its permissions open, the latest announcement. */
export function homeService(deps: ServiceDeps) {
  const { db } = deps;
  const reporting = reportingService(deps);
  const obligations = reportingObligationService(deps);
  return {
    async start(ctx: Ctx): Promise<HomeView> {
      const a = ctx.actor;
      if (a.profiles.length === 0) return { kind: 'welcome' };
      // one active profile is worked in at once; with several the user picks one first (Moje konto)
      const only = !a.profile && a.activeProfiles.length === 1 ? a.activeProfiles[0]! : null;
      if (!a.profile && a.activeProfiles.length > 1) return { kind: 'choose' };
      const current = a.profile ?? only;
      // the actor was loaded before the only profile was chosen: its permissions come from the same function
      const granted = a.profile
        ? { roles: a.roles, permissions: a.permissions }
        : only
          ? await profilePermissions(db, only.id)
          : { roles: [], permissions: new Set<string>() };
      const permissions = granted.permissions;
      const tiles = tilesFor(permissions);
      // the queue's own scope rule, over the profile worked in (also when it was chosen just now)
      const scope = tiles.some((t) => t.count === 'waitingRequests') ? requestQueueScope({ ...a, profile: current, permissions }) : null;
      const actor = { ...a, profile: current, roles: granted.roles, permissions };
      // at the first login of a reporting year a reporting unit's filler answers the ankieta first
      if (current && (await obligations.state({ ...ctx, actor })).kind === 'due') return { kind: 'survey', chosen: only?.id ?? null };
      const reportCounts = tiles.some((t) => t.count === 'reports') ? await reporting.counts({ ...ctx, actor }, 'niefinansowe') : null;
      return {
        kind: 'home',
        current: current ? { id: current.id, unitName: current.unitName } : null,
        chosen: only?.id ?? null,
        tiles,
        counts: { waitingRequests: scope ? await countWaiting(db, scope) : null, reports: reportCounts },
        // the announcement's audience: every user, or the roles of the profile worked in
        announcement: await latestAnnouncement(db, ctx.now, granted.roles),
      };
    },
  };
}
