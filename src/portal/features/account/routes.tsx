import { frameOf, type SignedInApp } from '../../actor/scope.ts';
import { ctxOf } from '../../context.ts';
import { accountNotices } from './messages.ts';
import { AccountPage } from './pages.tsx';
import { AccountQuery } from './schema.ts';

/** "Moje konto": the user's profiles and requests (signed-in scope, read only). */
export async function accountRoutes(app: SignedInApp): Promise<void> {
  app.get('/moje-konto', { schema: { querystring: AccountQuery } }, async (req, reply) => {
    const { params, notice } = req.query;
    const data = await app.deps.services.account.overview(ctxOf(req), params);
    return reply.html(AccountPage({ frame: frameOf(req, reply), ...data, notice: notice ? accountNotices[notice] : undefined }));
  });
}
