/* SSOZ II – progressive enhancement. Every page works without this file.
   Modules are attached via data-module="name [name…]". Loaded with `defer`. */
(function () {
  'use strict';

  const REENABLE_AFTER_MS = 10000;

  /** Focus the error summary so screen readers announce it; make its links focus the field. */
  function errorSummary(el) {
    if (!document.querySelector('[data-module~="error-summary"][data-ssoz-focused]')) {
      el.setAttribute('data-ssoz-focused', '');
      el.focus();
    }
    el.addEventListener('click', (event) => {
      const link = event.target instanceof Element ? event.target.closest('a[href^="#"]') : null;
      if (!link) return;
      const id = decodeURIComponent(link.getAttribute('href').slice(1));
      const input = id ? document.getElementById(id) : null;
      if (!input) return;
      const label = document.querySelector(`label[for="${CSS.escape(id)}"]`);
      const legend = input.closest('fieldset') ? input.closest('fieldset').querySelector('legend') : null;
      const anchor = legend || label || input;
      event.preventDefault();
      anchor.scrollIntoView();
      input.focus({ preventScroll: true });
    });
  }

  /** Ask before submitting; the server still shows its own confirmation page without JS. */
  function confirmModule(el) {
    const message = (source) => (source && source.getAttribute('data-confirm')) || el.getAttribute('data-confirm') || 'Czy na pewno?';
    if (el instanceof HTMLFormElement) {
      el.addEventListener('submit', (event) => {
        if (!window.confirm(message(event.submitter))) event.preventDefault();
      });
    } else {
      // a button or link carrying the module itself
      el.addEventListener('click', (event) => {
        if (!window.confirm(message(el))) event.preventDefault();
      });
    }
  }

  /** Disable the form's submit buttons after the first submit; re-enable after 10 s or on back/forward. */
  function preventDoubleSubmit(form) {
    if (!(form instanceof HTMLFormElement)) return;
    let busy = false;
    let timer = 0;
    const submitters = () =>
      Array.from(form.elements).filter((c) => (c instanceof HTMLButtonElement || c instanceof HTMLInputElement) && (c.type === 'submit' || c.type === 'image'));

    function release() {
      busy = false;
      window.clearTimeout(timer);
      form.removeAttribute('aria-busy');
      for (const b of submitters()) {
        if (b.hasAttribute('data-ssoz-disabled')) {
          b.disabled = false;
          b.removeAttribute('data-ssoz-disabled');
        }
      }
    }

    form.addEventListener('submit', (event) => {
      if (busy) {
        event.preventDefault();
        return;
      }
      // Wait a tick: the submitter's name/value must be collected before it is disabled,
      // and another handler (e.g. confirm) may still cancel the submission.
      window.setTimeout(() => {
        if (event.defaultPrevented) return;
        busy = true;
        form.setAttribute('aria-busy', 'true');
        for (const b of submitters()) {
          if (!b.disabled) {
            b.disabled = true;
            b.setAttribute('data-ssoz-disabled', '');
          }
        }
        timer = window.setTimeout(release, REENABLE_AFTER_MS);
      }, 0);
    });

    window.addEventListener('pageshow', (event) => {
      if (event.persisted) release();
    });
  }

  const SESSION_WARN_MS = 2 * 60 * 1000;
  const SESSION_POLL_WHILE_WARNING_MS = 30 * 1000;

  /**
   * Warn 2 minutes before the idle timeout and offer "Przedłuż sesję"; at the timeout go to
   * /sesja-wygasla. The server's /sesja/status decides (another tab may have extended the session)
   * and its secondsLeft keeps the timer independent of the browser's clock. Without JS nothing shows:
   * the next request after the timeout gets the "Sesja wygasła" page.
   */
  function sessionTimeout(root) {
    const dialog = root.querySelector('[role="alertdialog"]');
    const form = root.querySelector('form');
    if (!dialog || !(form instanceof HTMLFormElement) || typeof window.fetch !== 'function') return;
    let deadline = Date.parse(root.getAttribute('data-idle-expires-at') || '');
    if (Number.isNaN(deadline)) return;
    let timer = 0;
    let shown = false;
    let busy = false;
    let returnFocusTo = null;

    function schedule(minDelay) {
      window.clearTimeout(timer);
      const now = Date.now();
      // while the warning shows, keep asking: another tab may extend the session
      const at = shown ? Math.min(deadline, now + SESSION_POLL_WHILE_WARNING_MS) : deadline - SESSION_WARN_MS;
      timer = window.setTimeout(check, Math.max(minDelay || 0, at - now));
    }

    function expired() {
      window.clearTimeout(timer);
      window.location.assign('/sesja-wygasla');
    }

    function show() {
      if (shown) return;
      shown = true;
      returnFocusTo = document.activeElement;
      root.hidden = false;
      dialog.hidden = false;
      dialog.focus();
    }

    function hide() {
      if (!shown) return;
      shown = false;
      dialog.hidden = true;
      root.hidden = true;
      if (returnFocusTo instanceof Element && document.contains(returnFocusTo) && typeof returnFocusTo.focus === 'function') returnFocusTo.focus();
      returnFocusTo = null;
    }

    function apply(state) {
      if (!state || !state.active || typeof state.secondsLeft !== 'number') {
        expired();
        return;
      }
      deadline = Date.now() + state.secondsLeft * 1000;
      if (state.secondsLeft * 1000 <= SESSION_WARN_MS) show();
      else hide();
      schedule(1000);
    }

    function getJson(response) {
      if (!response.ok) throw new Error('HTTP ' + response.status);
      return response.json();
    }

    function check() {
      window
        .fetch('/sesja/status', { headers: { Accept: 'application/json' }, credentials: 'same-origin', cache: 'no-store' })
        .then(getJson)
        .then(apply, () => {
          // server unreachable: go by the last known deadline and try again
          if (Date.now() >= deadline) {
            expired();
            return;
          }
          if (Date.now() >= deadline - SESSION_WARN_MS) show();
          schedule(5000);
        });
    }

    form.addEventListener('submit', (event) => {
      event.preventDefault();
      if (busy) return;
      busy = true;
      window
        .fetch(form.action, {
          method: 'POST',
          headers: { Accept: 'application/json' },
          body: new window.URLSearchParams(new window.FormData(form)),
          credentials: 'same-origin',
        })
        .then(getJson)
        .then(
          (state) => {
            busy = false;
            apply(state);
          },
          () => {
            busy = false;
            // let the browser post the form itself (the server redirects back to this page)
            form.submit();
          },
        );
    });

    // timers in background tabs are throttled: re-check when the tab comes back
    document.addEventListener('visibilitychange', () => {
      if (document.visibilityState === 'visible' && Date.now() >= deadline - SESSION_WARN_MS) check();
    });

    schedule(0);
  }

  /**
   * auto-submit: submits the form named in data-form once (the identity provider's logout
   * confirmation after "Wyloguj się" in the portal). Without JavaScript the button stays.
   */
  function autoSubmit(el) {
    const form = document.getElementById(el.getAttribute('data-form') || '');
    if (!(form instanceof HTMLFormElement)) return;
    const button = el.querySelector('button[type="submit"]');
    if (typeof form.requestSubmit === 'function' && button) form.requestSubmit(button);
    else form.submit();
  }

  /**
   * auto-refresh: reloads a progress page every data-seconds (default 2) while it is open; the
   * page itself offers a link to check again without JavaScript.
   */
  function autoRefresh(el) {
    const seconds = Math.max(1, Number(el.getAttribute('data-seconds')) || 2);
    window.setTimeout(() => window.location.reload(), seconds * 1000);
  }

  /**
   * dialog-link: opens the linked page's form in a modal dialog ("Edycja danych kontaktowych
   * użytkownika") instead of navigating. The form posts as usual, so errors and the result show
   * as pages; without JavaScript the link simply opens that page.
   */
  function dialogLink(link) {
    link.addEventListener('click', async (event) => {
      if (typeof HTMLDialogElement === 'undefined' || typeof window.fetch !== 'function') return;
      event.preventDefault();
      try {
        const res = await window.fetch(link.href, { credentials: 'same-origin', headers: { Accept: 'text/html' } });
        if (!res.ok) throw new Error(String(res.status));
        const doc = new DOMParser().parseFromString(await res.text(), 'text/html');
        const title = doc.querySelector('main h1');
        const form = doc.querySelector('main form');
        if (!title || !form) throw new Error('no form');
        const dialog = document.createElement('dialog');
        dialog.className = 'dialog';
        dialog.setAttribute('aria-labelledby', 'dialog-title');
        const heading = document.createElement('h2');
        heading.id = 'dialog-title';
        heading.textContent = title.textContent;
        const close = document.createElement('button');
        close.type = 'button';
        close.className = 'button button--link dialog__close';
        close.textContent = 'Zamknij';
        close.addEventListener('click', () => dialog.close());
        dialog.append(heading, document.importNode(form, true), close);
        // "Anuluj" inside the form closes the dialog instead of leaving the page
        for (const cancel of dialog.querySelectorAll('a[href="/moje-konto"]')) {
          cancel.addEventListener('click', (e) => {
            e.preventDefault();
            dialog.close();
          });
        }
        dialog.addEventListener('close', () => {
          dialog.remove();
          link.focus();
        });
        document.body.append(dialog);
        dialog.showModal();
      } catch {
        window.location.href = link.href;
      }
    });
  }

  /**
   * dropzone: "Przeciągnij lub wybierz" — files dropped on the area go into its file input; the
   * input itself stays the way to choose files (and the only one without JavaScript).
   */
  function dropzone(zone) {
    const input = zone.querySelector('input[type="file"]');
    if (!input) return;
    zone.classList.add('dropzone');
    const over = (on) => zone.classList.toggle('dropzone--over', on);
    zone.addEventListener('dragover', (e) => {
      e.preventDefault();
      over(true);
    });
    zone.addEventListener('dragleave', () => over(false));
    zone.addEventListener('drop', (e) => {
      e.preventDefault();
      over(false);
      if (e.dataTransfer && e.dataTransfer.files.length) {
        input.files = e.dataTransfer.files;
        input.dispatchEvent(new Event('change', { bubbles: true }));
      }
    });
  }

  const MODULES = {
    dropzone,
    'dialog-link': dialogLink,
    'auto-refresh': autoRefresh,
    'auto-submit': autoSubmit,
    'error-summary': errorSummary,
    confirm: confirmModule,
    'prevent-double-submit': preventDoubleSubmit,
    'session-timeout': sessionTimeout,
  };

  function init() {
    for (const el of document.querySelectorAll('[data-module]')) {
      if (el.hasAttribute('data-ssoz-init')) continue;
      el.setAttribute('data-ssoz-init', '');
      for (const name of (el.getAttribute('data-module') || '').split(/\s+/)) {
        const mod = Object.prototype.hasOwnProperty.call(MODULES, name) ? MODULES[name] : null;
        if (!mod) continue;
        try {
          mod(el);
        } catch (err) {
          // one broken module must not stop the others; the page works without JS anyway
          if (window.console) window.console.error('app.js module failed:', name, err);
        }
      }
    }
  }

  if (document.readyState === 'loading') {
    document.addEventListener('DOMContentLoaded', init);
  } else {
    init();
  }
})();
