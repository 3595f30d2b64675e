import type { FastifyInstance } from 'fastify';
import { signedInFrame } from '../../http/frame.ts';
import { requireUser } from '../../session/guard.ts';
import { AccountPage, DEFAULT_PARAMS, defaultDirection, PAGE_SIZES, type AccountParams, type PageSize } from './pages.tsx';
import { loadAccount, paginate, sortOther, sortPending, type Direction } from './queries.ts';
import { deletedNotice, readAttachmentsFeedback } from '../../../views/components/Attachments.tsx';

function str(q: Record<string, unknown>, key: string): string {
  const v = q[key];
  return typeof v === 'string' ? v.trim().slice(0, 12) : '';
}

function pageNo(q: Record<string, unknown>, key: string): number {
  const n = Number(str(q, key));
  return Number.isInteger(n) && n >= 1 ? Math.min(n, 100_000) : 1;
}

function pageSize(q: Record<string, unknown>, key: string): PageSize {
  const n = Number(str(q, key));
  return (PAGE_SIZES as readonly number[]).includes(n) ? (n as PageSize) : 5;
}

function direction(q: Record<string, unknown>, key: string, fallback: Direction): Direction {
  const v = str(q, key);
  return v === 'asc' || v === 'desc' ? v : fallback;
}

/** Query of /moje-konto; anything unknown falls back to the defaults. */
export function accountParams(q: Record<string, unknown>): AccountParams {
  const sortOczekujace = str(q, 'sortOczekujace') === 'jednostka' ? 'jednostka' : DEFAULT_PARAMS.sortOczekujace;
  const sortPozostale = str(q, 'sortPozostale') === 'jednostka' ? 'jednostka' : DEFAULT_PARAMS.sortPozostale;
  return {
    sortOczekujace,
    kierunek: direction(q, 'kierunek', defaultDirection(sortOczekujace)),
    stronaOczekujace: pageNo(q, 'stronaOczekujace'),
    naStronieOczekujace: pageSize(q, 'naStronieOczekujace'),
    sortPozostale,
    kierunekPozostale: direction(q, 'kierunekPozostale', defaultDirection(sortPozostale)),
    stronaPozostale: pageNo(q, 'stronaPozostale'),
    naStroniePozostale: pageSize(q, 'naStroniePozostale'),
  };
}

/** "Moje konto": the user's profiles and requests (read only; every query is limited to the session user). */
export async function accountRoutes(app: FastifyInstance): Promise<void> {
  app.get('/moje-konto', { preHandler: requireUser }, async (req, reply) => {
    const data = await loadAccount(app.deps.database.db, req.session!.userId!);
    const requested = accountParams((req.query ?? {}) as Record<string, unknown>);
    const pending = paginate(sortPending(data.pending, requested.sortOczekujace, requested.kierunek), requested.stronaOczekujace, requested.naStronieOczekujace);
    const other = paginate(sortOther(data.other, requested.sortPozostale, requested.kierunekPozostale), requested.stronaPozostale, requested.naStroniePozostale);
    // links on the page carry the pages actually shown (a page past the end shows the last one)
    const params: AccountParams = { ...requested, stronaOczekujace: pending.page, stronaPozostale: other.page };
    const q = (req.query ?? {}) as Record<string, unknown>;
    const removed = readAttachmentsFeedback(q, req.session?.data).deleted;
    const notice = removed
      ? deletedNotice(removed)
      : q.wycofano
      ? 'Wniosek został wycofany. Ma status „Odrzucony” z powodem „Wycofany przez wnioskującego”.'
      : q.zapisano
        ? 'Dane kontaktowe zostały zapisane.'
        : q['zapisano-przypomnienie']
          ? 'Zapisano wybór dotyczący przypomnień o braku załącznika.'
          : q.zlozono
          ? 'Wniosek ma status oczekującego i jest widoczny dla osób uprawnionych do jego weryfikacji. O akceptacji lub odrzuceniu poinformujemy Cię wiadomością e-mail.'
          : q.wybierz
            ? 'Masz kilka aktywnych profili. Wybierz profil, w którym chcesz pracować.'
            : undefined;
    const openProfileId = typeof q.profil === 'string' ? q.profil : undefined;
    return reply.html(AccountPage({ frame: await signedInFrame(app, req, reply), params, active: data.active, pending, other, notice, openProfileId }));
  });
}
