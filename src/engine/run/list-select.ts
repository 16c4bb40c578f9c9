/** `list`'s filters and order, over the outcomes of its task. */
import type { ForumRegistry } from '../../model/forum.js';
import type { ListOptions } from '../types.js';
import type { ListOutcome } from './tasks.js';
import { orderRows } from '../../model/list-order.js';

/** The outcomes that pass the filters, sorted by the column asked (then forum, session and file). */
export function selectStatements(
  outcomes: readonly ListOutcome[],
  options: ListOptions,
  forums: ForumRegistry,
): ListOutcome[] {
  const forum = options.forum === undefined ? undefined : (forums.find(options.forum)?.id ?? options.forum);
  const selected = outcomes
    .filter((outcome) => forum === undefined || outcome.forum === forum)
    .filter((outcome) => options.session === undefined || outcome.session === options.session)
    .filter((outcome) => options.status === undefined || outcome.status === options.status);
  return orderRows(selected, options.sort ?? 'forum', (outcome) => outcome.path);
}
