import type { NextTimeItem } from '../../../core/debrief/debrief.js';
import { nextTimeHeading } from './debrief-text.js';
import type { MomentPlayer } from './use-moment-player.js';
import { ReplayButton } from './ReplayButton.js';

const SHOWN = 3;

/** The failed items, most important first: the first three, each with its tip and its moment. */
export function NextTimeList({ items, player }: { readonly items: readonly NextTimeItem[]; readonly player: MomentPlayer }) {
  const shown = items.slice(0, SHOWN);
  const more = items.slice(SHOWN);
  return (
    <section className="debrief-part" aria-labelledby="debrief-next-title" data-testid="debrief-next-time">
      <h4 id="debrief-next-title">{nextTimeHeading(shown.length)}</h4>
      {shown.length === 0 ? (
        <p>Nothing to change: every check that could be made passed.</p>
      ) : (
        <ol className="debrief-next">
          {shown.map((item) => (
            <NextTimeEntry key={item.key} item={item} player={player} />
          ))}
        </ol>
      )}
      {more.length > 0 && (
        <details className="debrief-more">
          <summary>{more.length === 1 ? 'One more thing to work on' : `${more.length} more things to work on`}</summary>
          <ol className="debrief-next" start={SHOWN + 1}>
            {more.map((item) => (
              <NextTimeEntry key={item.key} item={item} player={player} />
            ))}
          </ol>
        </details>
      )}
    </section>
  );
}

function NextTimeEntry({ item, player }: { readonly item: NextTimeItem; readonly player: MomentPlayer }) {
  const { moment } = item;
  return (
    <li className="debrief-next-item" data-testid="next-time-item" data-item={item.key}>
      <b className="debrief-item-title">{item.title}</b>
      {item.tip && (
        <p className="debrief-tip" data-testid="next-time-tip">
          {item.tip}
        </p>
      )}
      {moment?.quote && (
        <p className="debrief-quote">
          You said: <q>{moment.quote}</q>
        </p>
      )}
      {moment && (
        <ReplayButton label="Replay this moment" describes={item.title} playing={player.playing === item.key} onToggle={() => player.toggle(item.key, moment.startFrame, moment.endFrame)} />
      )}
    </li>
  );
}
