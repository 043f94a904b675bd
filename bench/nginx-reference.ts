/**
 * The reference: nginx (Debian package) serving the exact bytes of the same article page as a static
 * file, with the same compression negotiated (precompressed .br and .gz next to it), pinned to the
 * same core as Dateline, in the same run.
 */
import { spawn } from 'node:child_process';
import { existsSync, mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { track } from './dateline-server.js';

export interface StaticFile {
  path: string;
  identity: Buffer;
  gzip: Buffer;
  br: Buffer;
}

export interface NginxReference {
  origin: string;
  stop(): Promise<void>;
}

const BROTLI_MODULE = '/usr/lib/nginx/modules/ngx_http_brotli_static_module.so';

export function nginxAvailable(): boolean {
  return existsSync('/usr/sbin/nginx');
}

export async function startNginx(dir: string, port: number, files: StaticFile[], cpus: string | null): Promise<NginxReference> {
  const root = join(dir, 'www');
  for (const file of files) {
    const target = join(root, file.path === '/' ? 'index.html' : `${file.path.replace(/^\//, '')}.html`);
    mkdirSync(join(target, '..'), { recursive: true });
    writeFileSync(target, file.identity);
    writeFileSync(`${target}.gz`, file.gzip);
    writeFileSync(`${target}.br`, file.br);
  }
  const brotli = existsSync(BROTLI_MODULE);
  const conf = `
${brotli ? `load_module ${BROTLI_MODULE};` : ''}
user root;
worker_processes 1;
daemon off;
pid ${join(dir, 'nginx.pid')};
error_log ${join(dir, 'error.log')} warn;
events { worker_connections 1024; }
http {
  access_log off;
  default_type text/html;
  types { text/html html; }
  sendfile on;
  tcp_nopush on;
  keepalive_requests 1000000;
  etag on;
  gzip_static on;
  ${brotli ? 'brotli_static on;' : ''}
  client_body_temp_path ${join(dir, 'tmp')};
  server {
    listen 127.0.0.1:${port};
    root ${root};
    location / { try_files $uri.html $uri/index.html =404; add_header Vary Accept-Encoding; }
  }
}`;
  mkdirSync(join(dir, 'tmp'), { recursive: true });
  writeFileSync(join(dir, 'nginx.conf'), conf);
  const args = ['-c', join(dir, 'nginx.conf'), '-p', dir];
  const child = track(cpus ? spawn('taskset', ['-c', cpus, '/usr/sbin/nginx', ...args], { stdio: 'ignore' }) : spawn('/usr/sbin/nginx', args, { stdio: 'ignore' }));
  const origin = `http://127.0.0.1:${port}`;
  for (let attempt = 0; attempt < 100; attempt++) {
    try {
      if ((await fetch(origin + (files[0]?.path ?? '/'))).ok) break;
    } catch {
      await new Promise((r) => setTimeout(r, 50));
    }
  }
  return {
    origin,
    stop: () => new Promise((resolve) => {
      child.once('exit', () => resolve());
      child.kill('SIGQUIT');
    }),
  };
}
