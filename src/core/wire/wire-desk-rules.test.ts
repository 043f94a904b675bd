/** The wire desk's rules, generated over every role × action × item status and checked against an independent expectation. */
import { describe, expect, it } from 'vitest';
import { ROLES, type Role } from '../staff/staff-user.js';
import { availableWireDeskActions, canTakeWireDeskAction, checkWireDeskAction, WIRE_DESK_ACTIONS, type WireDeskAction } from './wire-desk-rules.js';
import type { WireItemStatus } from './wire-store.js';

const STATUSES: WireItemStatus[] = ['new', 'used', 'spiked'];

/** Who may: anyone uses, adds to stories and takes photos; only the desk (editors, admins) spikes and brings back. */
const MAY: Record<WireDeskAction, readonly Role[]> = {
  use: ['contributor', 'reporter', 'editor', 'admin'],
  'add-to-story': ['contributor', 'reporter', 'editor', 'admin'],
  'take-photo': ['contributor', 'reporter', 'editor', 'admin'],
  spike: ['editor', 'admin'],
  restore: ['editor', 'admin'],
};

/** From where: a new item is used once; copy and photos are taken from a new or used item (never a spiked one); only a spiked one comes back. */
const FROM: Record<WireDeskAction, readonly WireItemStatus[]> = {
  use: ['new'],
  'add-to-story': ['new', 'used'],
  'take-photo': ['new', 'used'],
  spike: ['new'],
  restore: ['spiked'],
};

describe('roles × wire desk actions × item status', () => {
  for (const role of ROLES) {
    for (const action of WIRE_DESK_ACTIONS) {
      for (const status of STATUSES) {
        const roleOk = MAY[action].includes(role);
        const statusOk = FROM[action].includes(status);
        const outcome = !roleOk ? 'PERMISSION_DENIED' : !statusOk ? 'WIRE_ITEM_STATUS_CONFLICT' : 'allowed';
        it(`${role} ${action} on a ${status} item: ${outcome}`, () => {
          const check = checkWireDeskAction(action, role, status);
          if (outcome === 'allowed') expect(check).toEqual({ ok: true });
          else expect(check).toMatchObject({ ok: false, code: outcome, message: expect.stringMatching(/\S/) });
          expect(canTakeWireDeskAction(action, role)).toBe(roleOk);
          expect(availableWireDeskActions(role, status).includes(action)).toBe(outcome === 'allowed');
        });
      }
    }
  }

  it('says why a used item cannot be used again, and that a spiked one must come back first', () => {
    expect(checkWireDeskAction('use', 'reporter', 'used')).toMatchObject({ message: expect.stringContaining('already been used') });
    expect(checkWireDeskAction('add-to-story', 'editor', 'spiked')).toMatchObject({ message: expect.stringContaining('bring it back') });
    expect(checkWireDeskAction('take-photo', 'contributor', 'spiked')).toMatchObject({ code: 'WIRE_ITEM_STATUS_CONFLICT', message: expect.stringContaining('bring it back') });
    expect(checkWireDeskAction('spike', 'reporter', 'new')).toMatchObject({ message: 'Only editors can spike wire items.' });
  });
});
