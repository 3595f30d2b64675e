/** The manual's step indicator ("1 Wybór jednostki 2 …"); the current step is announced. */
export function Steps({ steps, current }: { steps: readonly string[]; current: number }): JSX.Element {
  return (
    <nav aria-label="Kroki wniosku">
      <ol class="steps" data-qa="steps">
        {steps.map((label, i) => {
          const n = i + 1;
          const state = n < current ? ' steps__item--done' : n === current ? ' steps__item--current' : '';
          return (
            <li class={`steps__item${state}`} aria-current={n === current ? 'step' : undefined}>
              <span class="visually-hidden" safe>{`Krok ${n}: `}</span>
              <span safe>{label}</span>
              {n < current ? <span class="visually-hidden"> (ukończony)</span> : ''}
            </li>
          );
        })}
      </ol>
    </nav>
  );
}
