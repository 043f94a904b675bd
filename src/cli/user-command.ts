/** @module `dateline user add|list|set-role|reset-password`: staff accounts from the command line (passwords only via stdin or generated). */
import { parseArgs } from 'node:util';
import { isDomainError } from '../core/shared/domain-error.js';
import { ROLES, isRole, normaliseEmail } from '../core/staff/staff-user.js';
import { withSite } from './command-site.js';
import { UsageError } from './usage-error.js';
import { cleanLine } from '../core/shared/clean-text.js';

export const USER_USAGE = `usage:
  dateline user add --email E --role ${ROLES.join('|')} [--name N] [--password-stdin] [--json]
  dateline user list [--json]
  dateline user set-role --email E --role R
  dateline user reset-password --email E [--password-stdin]
Without --password-stdin a one-time password is generated and printed once.`;

/** A password never comes from argv (it would show in `ps` and shell history). */
async function readPasswordFromStdin(): Promise<string> {
  const chunks: Buffer[] = [];
  for await (const chunk of process.stdin) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks).toString('utf8').replace(/\r?\n$/, '');
}

export async function userCommand(argv: string[]): Promise<number> {
  const [verb, ...rest] = argv;
  const { values } = parseArgs({
    args: rest, allowPositionals: false,
    options: { email: { type: 'string' }, role: { type: 'string' }, name: { type: 'string' }, 'password-stdin': { type: 'boolean', default: false }, json: { type: 'boolean', default: false } },
  });
  if (!verb || !['add', 'list', 'set-role', 'reset-password'].includes(verb)) throw new UsageError(`unknown or missing user command\n${USER_USAGE}`);
  if (verb !== 'list' && !values.email) throw new UsageError(`--email is required\n${USER_USAGE}`);
  if ((verb === 'add' || verb === 'set-role') && !(values.role && isRole(values.role))) throw new UsageError(`--role must be one of ${ROLES.join(', ')}\n${USER_USAGE}`);
  const password = values['password-stdin'] ? await readPasswordFromStdin() : null;

  // The newsroom's own account service, as the staff pages use it (they announce nothing: no cached page shows staff).
  return withSite(async ({ storage, newsroom: { auth } }) => {
    try {
      const find = async () => {
        const found = await storage.users.findCredentialsByEmail(normaliseEmail(values.email ?? ''));
        if (!found) throw new UsageError(`no staff user with email ${values.email}`);
        return found.user;
      };
      switch (verb) {
        case 'list': {
          const users = await storage.users.list();
          if (values.json) console.log(JSON.stringify(users.map((u) => ({ id: u.id, email: u.email, name: u.name, role: u.role, createdAt: u.createdAt.toISOString() }))));
          else for (const u of users) console.log(`${u.email}\t${u.role}\t${u.name}`);
          return 0;
        }
        case 'add': {
          const chosen = password ?? auth.newPassword();
          const user = await auth.addUser({ email: values.email!, name: cleanLine(values.name ?? '').trim(), role: values.role as (typeof ROLES)[number], password: chosen, oneTime: !password });
          if (values.json) console.log(JSON.stringify({ id: user.id, email: user.email, role: user.role, ...(password ? {} : { password: chosen }) }));
          else console.log(`Added ${user.email} (${user.role}).${password ? '' : ` One-time password: ${chosen}`}`);
          return 0;
        }
        case 'set-role': {
          const user = await find();
          const ended = await auth.setRole(user.id, values.role as (typeof ROLES)[number]);
          console.log(`${user.email} is now ${values.role}; ${ended} session(s) ended.`);
          return 0;
        }
        default: {
          const user = await find();
          const chosen = password ?? auth.newPassword();
          const ended = await auth.setPassword(user.id, chosen, { oneTime: !password });
          console.log(`Password of ${user.email} changed; ${ended} session(s) ended.${password ? '' : ` One-time password: ${chosen}`}`);
          return 0;
        }
      }
    } catch (error) {
      if (isDomainError(error)) {
        console.error(`dateline: ${error.message}`);
        return 1;
      }
      throw error;
    }
  }, { poolMax: 2 });
}
