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

  const MODULES = {
    'error-summary': errorSummary,
    confirm: confirmModule,
    'prevent-double-submit': preventDoubleSubmit,
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
