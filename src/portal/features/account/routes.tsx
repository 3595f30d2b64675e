import { frameOf, type SignedInApp } from '../../actor/scope.ts';
import { ctxOf } from '../../context.ts';
import { accountNotices } from './messages.ts';
import { AccountPage } from './pages.tsx';
import { AccountQuery } from './schema.ts';
import { deletedNotice, readAttachmentsFeedback } from '../../../views/components/Attachments.tsx';

/** "Moje konto": the user's profiles and requests (signed-in scope, read only). */
export async function accountRoutes(app: SignedInApp): Promise<void> {
  app.get('/moje-konto', { schema: { querystring: AccountQuery } }, async (req, reply) => {
    const { params, notice, profil, pliki } = req.query;
    const data = await app.deps.services.account.overview(ctxOf(req), params);
    // a file removed with "Usuń" from here: its notice comes from the session (by the token in ?pliki=)
    const removed = readAttachmentsFeedback({ pliki }, req.session?.data).deleted;
    const text = removed ? deletedNotice(removed) : notice ? accountNotices[notice] : undefined;
    return reply.html(AccountPage({ frame: frameOf(req, reply), ...data, notice: text, ...(profil ? { openProfileId: profil } : {}) }));
  });
}
