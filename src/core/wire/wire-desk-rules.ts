/**
 * @module The wire desk's rules as one table: for each desk action on a wire item, the roles that may take it,
 * the item statuses it starts from and the status it leads to (the story workflow's table is article-actions.ts).
 */
import { DomainError } from '../shared/domain-error.js';
import type { Role, StaffUser } from '../staff/staff-user.js';
import type { StoredWireItem, WireItemStatus, WireStore } from './wire-store.js';

export const WIRE_DESK_ACTIONS = ['use', 'add-to-story', 'take-photo', 'spike', 'restore'] as const;
export type WireDeskAction = (typeof WIRE_DESK_ACTIONS)[number];
/** The actions that move the item to another status (all but taking a photo). */
export type WireDeskMove = Exclude<WireDeskAction, 'take-photo'>;

interface WireDeskRule {
  roles: readonly Role[];
  from: readonly WireItemStatus[];
  /** The status it leads to; null when the item keeps its status (taking one of its photos). */
  to: WireItemStatus | null;
  /** Why the action is refused to everyone else ("Only editors can …"). */
  forbidden: string;
  /** Why it is refused from each status it does not start from. */
  refused: Partial<Record<WireItemStatus, string>>;
}

const EVERYONE: readonly Role[] = ['contributor', 'reporter', 'editor', 'admin'];
const DESK: readonly Role[] = ['editor', 'admin'];
const SPIKED = 'This item was spiked; bring it back to the queue first.';

/**
 * Anyone may start a draft from the wire, add copy to a story (the story's own rules then decide whether
 * they may change it) or take a photo the item offers into the media library; nothing is taken from a spiked
 * item; spiking and bringing back are the desk editors' call.
 */
export const WIRE_DESK_RULES: { [A in WireDeskAction]: WireDeskRule & { to: A extends WireDeskMove ? WireItemStatus : null } } = {
  use: {
    roles: EVERYONE, from: ['new'], to: 'used', forbidden: 'You cannot use wire items.',
    refused: { used: 'This item has already been used; open the story it became, or add it to a story.', spiked: SPIKED },
  },
  'add-to-story': { roles: EVERYONE, from: ['new', 'used'], to: 'used', forbidden: 'You cannot add wire items to stories.', refused: { spiked: SPIKED } },
  'take-photo': { roles: EVERYONE, from: ['new', 'used'], to: null, forbidden: 'You cannot take wire photos.', refused: { spiked: SPIKED } },
  spike: { roles: DESK, from: ['new'], to: 'spiked', forbidden: 'Only editors can spike wire items.', refused: { used: 'This item is used; it cannot be spiked.', spiked: 'This item is already spiked.' } },
  restore: { roles: DESK, from: ['spiked'], to: 'new', forbidden: 'Only editors can bring spiked items back.', refused: { new: 'This item is already in the queue.', used: 'This item is used; it was never spiked.' } },
};

export type WireDeskCheck = { ok: true } | { ok: false; code: 'PERMISSION_DENIED' | 'WIRE_ITEM_STATUS_CONFLICT'; message: string };

/** May this role take the action at all (whatever the item's status)? */
export function canTakeWireDeskAction(action: WireDeskAction, role: Role): boolean {
  return WIRE_DESK_RULES[action].roles.includes(role);
}

/** May this role take the action on an item in this status? The role is checked first. */
export function checkWireDeskAction(action: WireDeskAction, role: Role, status: WireItemStatus): WireDeskCheck {
  const rule = WIRE_DESK_RULES[action];
  if (!rule.roles.includes(role)) return { ok: false, code: 'PERMISSION_DENIED', message: rule.forbidden };
  if (!rule.from.includes(status)) return { ok: false, code: 'WIRE_ITEM_STATUS_CONFLICT', message: rule.refused[status] ?? `This item is ${status}.` };
  return { ok: true };
}

/** The item, once the actor's role (checked before the item is read) and the item's status allow the action. */
export async function wireItemFor(items: Pick<WireStore, 'find'>, actor: StaffUser, itemId: string, action: WireDeskAction): Promise<StoredWireItem> {
  if (!canTakeWireDeskAction(action, actor.role)) throw new DomainError('PERMISSION_DENIED', WIRE_DESK_RULES[action].forbidden, { action });
  const item = await items.find(itemId);
  if (!item) throw new DomainError('WIRE_ITEM_NOT_FOUND', 'There is no such wire item.', { itemId });
  const check = checkWireDeskAction(action, actor.role, item.status);
  if (!check.ok) throw new DomainError(check.code, check.message, { itemId, action, status: item.status });
  return item;
}

/** The actions this role could take on an item in this status, in the order the item page shows them. */
export function availableWireDeskActions(role: Role, status: WireItemStatus): WireDeskAction[] {
  return WIRE_DESK_ACTIONS.filter((action) => checkWireDeskAction(action, role, status).ok);
}
