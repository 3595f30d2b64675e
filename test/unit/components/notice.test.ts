import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { Notice } from '../../../src/views/components/Notice/Notice.tsx';

const render = async (el: JSX.Element) => String(await el);

describe('Notice', () => {
  it('success: a polite status with the escaped message', async () => {
    const html = await render(Notice({ tone: 'success', text: 'Zapisano <b>dane</b> & "cudzysłów"', qa: 'account-notice' }));
    assert.equal(
      html,
      '<div class="notice notice--success" role="status" data-qa="account-notice"><p>Zapisano &lt;b>dane&lt;/b> &amp; &#34;cudzysłów&#34;</p></div>',
    );
  });

  it('info and warning are part of the page: no live region unless asked', async () => {
    assert.doesNotMatch(await render(Notice({ tone: 'info', text: 'Informacja' })), /role=/);
    assert.doesNotMatch(await render(Notice({ tone: 'warning', text: 'Uwaga' })), /role=/);
    assert.match(await render(Notice({ tone: 'warning', text: 'Uwaga', role: 'alert' })), /^<div class="notice notice--warning" role="alert">/);
    assert.match(await render(Notice({ tone: 'error', text: 'Błąd' })), /role="alert"/);
    assert.doesNotMatch(await render(Notice({ tone: 'success', text: 'Ok', role: 'none' })), /role=/);
  });

  it('a title labels the notice, at the level asked for, escaped', async () => {
    const html = await render(Notice({ tone: 'warning', title: 'Uwaga! <i>', titleLevel: 1, titleId: 'w-title', role: 'alert', children: '<p>treść</p>' }));
    assert.equal(html, '<div class="notice notice--warning" role="alert" aria-labelledby="w-title"><h1 id="w-title">Uwaga! &lt;i></h1><p>treść</p></div>');
    assert.match(await render(Notice({ tone: 'error', title: 'T' })), /<h2 id="notice-error-title">T<\/h2>/);
    assert.match(await render(Notice({ tone: 'error', title: 'T', titleLevel: 3 })), /<h3 id="notice-error-title">T<\/h3>/);
  });

  it('renders nothing extra without text or title', async () => {
    assert.equal(await render(Notice({ tone: 'info', children: '<p>x</p>' })), '<div class="notice notice--info"><p>x</p></div>');
  });
});
