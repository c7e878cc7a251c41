import { describe, expect, it } from 'vitest';
import { at, buildRule } from '../../builders';
import { collectPages, errorCodeOf } from '../define-suite';
import type { StorageTestContext } from './storage-conformance-options';

/** Rules: create with conflict and atomic per-user limit, update, delete, listings, triggers. */
export function ruleRepositoryTests({ getSubject, enabled }: StorageTestContext): void {
  describe.skipIf(!enabled('rules'))('rules', () => {
    it('creates, reads back, updates and deletes a rule', async () => {
      const { rules } = getSubject();
      const rule = buildRule({ excludeKeywords: ['broken'], categories: ['video-games'] });
      await rules.create(rule);
      expect(await rules.get(rule.id)).toEqual(rule);
      const renamed = { ...rule, name: 'Renamed', enabled: false, updatedAt: at(5) };
      await rules.update(renamed);
      expect(await rules.get(rule.id)).toEqual(renamed);
      expect(await rules.delete(rule.id)).toBe(true);
      expect(await rules.delete(rule.id)).toBe(false);
      expect(await rules.get(rule.id)).toBeNull();
    });

    it('refuses a duplicate id with CONFLICT and updating a missing rule with NOT_FOUND', async () => {
      const { rules } = getSubject();
      const rule = buildRule();
      await rules.create(rule);
      expect(await errorCodeOf(rules.create({ ...rule, name: 'Other' }))).toBe('CONFLICT');
      expect((await rules.get(rule.id))?.name).toBe(rule.name);
      expect(await errorCodeOf(rules.update(buildRule()))).toBe('NOT_FOUND');
    });

    it('enforces maxRulesForUser with LIMIT_EXCEEDED, per user', async () => {
      const { rules } = getSubject();
      for (let i = 0; i < 3; i++)
        await rules.create(buildRule({ userId: 'limited' }), { maxRulesForUser: 3 });
      expect(await errorCodeOf(rules.create(buildRule({ userId: 'limited' }), { maxRulesForUser: 3 }))).toBe(
        'LIMIT_EXCEEDED',
      );
      await rules.create(buildRule({ userId: 'someone-else' }), { maxRulesForUser: 3 });
      expect(await rules.countByUser('limited')).toBe(3);
      expect(await rules.countByUser('someone-else')).toBe(1);
    });

    it.skipIf(!enabled('concurrency'))(
      'keeps the rule limit and id uniqueness when creates race',
      async () => {
        const { rules } = getSubject();
        const codes = await Promise.all(
          Array.from({ length: 10 }, () =>
            errorCodeOf(rules.create(buildRule({ userId: 'racer' }), { maxRulesForUser: 4 })),
          ),
        );
        expect(codes.filter((code) => code === null)).toHaveLength(4);
        expect(codes.filter((code) => code === 'LIMIT_EXCEEDED')).toHaveLength(6);
        expect(await rules.countByUser('racer')).toBe(4);
        const same = buildRule({ userId: 'dup' });
        const dupCodes = await Promise.all(Array.from({ length: 5 }, () => errorCodeOf(rules.create(same))));
        expect(dupCodes.filter((code) => code === null)).toHaveLength(1);
        expect(dupCodes.filter((code) => code === 'CONFLICT')).toHaveLength(4);
      },
    );

    it('lists a user’s rules oldest first across pages', async () => {
      const { rules } = getSubject();
      const own = Array.from({ length: 12 }, (_, index) =>
        buildRule({ userId: 'pager', createdAt: at(12 - index), updatedAt: at(12 - index) }),
      );
      for (const rule of own) await rules.create(rule);
      await rules.create(buildRule({ userId: 'not-me' }));
      const { items } = await collectPages((cursor) => rules.listByUser('pager', { limit: 5, cursor }));
      expect(items.map((rule) => rule.id)).toEqual([...own].reverse().map((rule) => rule.id));
    });

    it('lists enabled rules by id and rules updated since a time', async () => {
      const { rules } = getSubject();
      const on = [
        buildRule({ updatedAt: at(3) }),
        buildRule({ updatedAt: at(1) }),
        buildRule({ updatedAt: at(2) }),
      ];
      const off = buildRule({ enabled: false, updatedAt: at(9) });
      for (const rule of [...on, off]) await rules.create(rule);
      const enabled = await collectPages((cursor) => rules.listEnabled({ limit: 2, cursor }));
      expect(enabled.items.map((rule) => rule.id)).toEqual(on.map((rule) => rule.id).sort());
      const since = await collectPages((cursor) => rules.listUpdatedSince(at(2), { limit: 2, cursor }));
      expect(since.items.map((rule) => rule.id)).toEqual([on[2]!.id, on[0]!.id, off.id]);
    });

    it('marks several rules as triggered at once', async () => {
      const { rules } = getSubject();
      const [a, b, c] = [buildRule(), buildRule(), buildRule()];
      for (const rule of [a, b, c]) await rules.create(rule);
      await rules.markTriggered([a.id, c.id], at(7));
      expect((await rules.get(a.id))?.lastTriggeredAt).toBe(at(7));
      expect((await rules.get(b.id))?.lastTriggeredAt).toBeNull();
      expect((await rules.get(c.id))?.lastTriggeredAt).toBe(at(7));
    });
  });
}
