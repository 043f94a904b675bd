/** @module UserStore and SessionStore over Kysely: all SQL of staff accounts and their sessions. */
import type { Kysely, Selectable } from 'kysely';
import type { NewStaffUser, SessionRecord, SessionStore, UserStore } from '../../../core/staff/staff-stores.js';
import { isRole, type StaffUser } from '../../../core/staff/staff-user.js';
import type { Database, SessionsTable, UsersTable } from '../database.js';
import { ensureNamed } from '../article-repository/article-writes.js';
import { fromIso, toIso } from '../article-repository/article-rows.js';

type UserRow = Selectable<UsersTable> & { author_slug: string | null; author_name: string | null };

function userFromRow(row: UserRow): StaffUser {
  return {
    id: row.id, email: row.email, name: row.name, role: isRole(row.role) ? row.role : 'contributor',
    author: row.author_slug && row.author_name ? { slug: row.author_slug, name: row.author_name } : null,
    createdAt: fromIso(row.created_at), disabledAt: row.disabled_at ? fromIso(row.disabled_at) : null,
    mustChangePassword: row.must_change_password === 1,
  };
}

export function createSqlUserStore(db: Kysely<Database>): UserStore {
  const users = () => db.selectFrom('users').leftJoin('authors', 'authors.id', 'users.author_id')
    .selectAll('users').select(['authors.slug as author_slug', 'authors.name as author_name']);

  return {
    async insert(user: NewStaffUser) {
      return db.transaction().execute(async (trx) => {
        const taken = await trx.selectFrom('users').select('id').where('email', '=', user.email).executeTakeFirst();
        if (taken) return false;
        await trx.insertInto('users').values({
          id: user.id, email: user.email, name: user.name, role: user.role, password_hash: user.passwordHash,
          author_id: user.author ? await ensureNamed(trx, 'authors', user.author, new Map()) : null,
          created_at: toIso(user.createdAt), password_changed_at: toIso(user.createdAt), disabled_at: null,
          must_change_password: user.mustChangePassword ? 1 : 0,
        }).execute();
        return true;
      });
    },
    async findCredentialsByEmail(email) {
      const row = await users().where('users.email', '=', email).executeTakeFirst();
      return row ? { user: userFromRow(row), passwordHash: row.password_hash, passwordChangedAt: fromIso(row.password_changed_at) } : null;
    },
    async findById(id) {
      const row = await users().where('users.id', '=', id).executeTakeFirst();
      return row ? userFromRow(row) : null;
    },
    async list() {
      return (await users().orderBy('users.name').execute()).map(userFromRow);
    },
    async count() {
      const row = await db.selectFrom('users').select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow();
      return Number(row.n);
    },
    async setRole(id, role) {
      const result = await db.updateTable('users').set({ role }).where('id', '=', id).executeTakeFirst();
      return Number(result.numUpdatedRows) > 0;
    },
    async setPasswordHash(id, passwordHash, at, mustChange) {
      const result = await db.updateTable('users').set({ password_hash: passwordHash, password_changed_at: toIso(at), must_change_password: mustChange ? 1 : 0 })
        .where('id', '=', id).executeTakeFirst();
      return Number(result.numUpdatedRows) > 0;
    },
  };
}

function sessionFromRow(row: Selectable<SessionsTable>): SessionRecord {
  return {
    id: row.id, userId: row.user_id, csrfToken: row.csrf_token, createdAt: fromIso(row.created_at), lastSeenAt: fromIso(row.last_seen_at),
    expiresAt: fromIso(row.expires_at), ip: row.ip, userAgent: row.user_agent,
  };
}

export function createSqlSessionStore(db: Kysely<Database>): SessionStore {
  return {
    async insert(s) {
      await db.insertInto('sessions').values({
        id: s.id, user_id: s.userId, csrf_token: s.csrfToken, created_at: toIso(s.createdAt), last_seen_at: toIso(s.lastSeenAt),
        expires_at: toIso(s.expiresAt), ip: s.ip, user_agent: s.userAgent,
      }).execute();
    },
    async find(id) {
      const row = await db.selectFrom('sessions').selectAll().where('id', '=', id).executeTakeFirst();
      return row ? sessionFromRow(row) : null;
    },
    async touch(id, lastSeenAt, expiresAt) {
      await db.updateTable('sessions').set({ last_seen_at: toIso(lastSeenAt), expires_at: toIso(expiresAt) }).where('id', '=', id).execute();
    },
    async remove(id) {
      await db.deleteFrom('sessions').where('id', '=', id).execute();
    },
    async removeForUser(userId) {
      const result = await db.deleteFrom('sessions').where('user_id', '=', userId).executeTakeFirst();
      return Number(result.numDeletedRows);
    },
    async removeExpired(now) {
      const result = await db.deleteFrom('sessions').where('expires_at', '<=', toIso(now)).executeTakeFirst();
      return Number(result.numDeletedRows);
    },
  };
}
