import type { FastifyInstance, FastifyReply } from 'fastify';

declare module 'fastify' {
  interface FastifyReply {
    /** send a rendered page (JSX result) as HTML */
    html(page: JSX.Element, status?: number): Promise<void>;
  }
}

export function registerRendering(app: FastifyInstance): void {
  app.decorateReply('html', async function (this: FastifyReply, page: JSX.Element, status = 200) {
    const body = await page;
    await this.status(status).type('text/html; charset=utf-8').send(body);
  });
}
