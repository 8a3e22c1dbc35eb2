// The cascade as a reading order: each goal followed by its children, depth first and by id,
// every goal once, however long a chain of cascaded goals is.
import { describe, expect, it } from 'vitest';
import { cascadeGroups, cascadeRows, childrenByParent } from '../../src/model/cascade.ts';
import { validGoal, validModel } from '../compute/builders.ts';

describe('cascade order', () => {
  it('puts each goal before its children, children by id, and a goal reached twice once', () => {
    const goals = [
      validGoal({ id: 'a' }),
      validGoal({ id: 'a1', parent: 'a', objective: undefined }),
      validGoal({ id: 'a2', parent: 'a', objective: undefined }),
      validGoal({ id: 'a1x', parent: 'a1', objective: undefined }),
      validGoal({ id: 'b' }),
    ];
    const children = childrenByParent(goals);
    const rows = cascadeRows([goals[0]!, goals[4]!, goals[1]!], (id) => children.get(id) ?? []);
    expect(rows.map((r) => [r.goal.id, r.depth])).toEqual([['a', 0], ['a1', 1], ['a1x', 2], ['a2', 1], ['b', 0]]);
  });

  it('lists a chain of 20,000 cascaded goals without running out of stack', () => {
    const id = (i: number) => `g${String(i).padStart(5, '0')}`;
    const goals = Array.from({ length: 20_000 }, (_, i) => (i === 0 ? validGoal({ id: id(0) }) : validGoal({ id: id(i), parent: id(i - 1), objective: undefined })));
    const [group] = cascadeGroups(validModel({ goals }));
    expect(group!.rows).toHaveLength(20_000);
    expect(group!.rows.at(-1)).toMatchObject({ depth: 19_999, goal: { id: id(19_999) } });
  });
});
