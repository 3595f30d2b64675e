import type { Ctx, ServiceDeps } from '../../context.ts';
import type { AccountParams } from './schema.ts';
import { loadAccount, paginate, sortOther, sortPending, type AccountProfile, type Page, type PendingItem, type UnfinishedItem } from './queries.ts';

export interface AccountOverview {
  /** the parameters actually shown (a page past the end shows the last one) */
  params: AccountParams;
  active: AccountProfile[];
  unfinished: UnfinishedItem[];
  pending: Page<PendingItem>;
  other: Page<AccountProfile>;
  /** days from "Zakończ" to a pending request's decision due date ("Termin decyzji") */
  decisionDays: number;
  /** the moment of the request: a due date in the past is marked */
  now: Date;
}

/** "Moje konto": the actor's own profiles and requests (read only). */
export function accountService({ db, config }: ServiceDeps) {
  return {
    async overview(ctx: Ctx, requested: AccountParams): Promise<AccountOverview> {
      const data = await loadAccount(db, ctx.actor.userId);
      const pending = paginate(
        sortPending(data.pending, requested.sortOczekujace, requested.kierunek),
        requested.stronaOczekujace,
        requested.naStronieOczekujace,
      );
      const other = paginate(
        sortOther(data.other, requested.sortPozostale, requested.kierunekPozostale),
        requested.stronaPozostale,
        requested.naStroniePozostale,
      );
      return {
        params: { ...requested, stronaOczekujace: pending.page, stronaPozostale: other.page },
        active: data.active,
        unfinished: data.unfinished,
        pending,
        other,
        decisionDays: config.requests.decisionDays,
        now: ctx.now,
      };
    },
  };
}
