// Runs dtui's log save in a process of its own so a test can read that process's peak
// RSS: argv = docker host, container id, target path. Prints "bytes growth": how far the peak RSS rose above the RSS before the save.
import { readFileSync } from 'node:fs';
import { dockerClient } from '../../src/engine/api/docker.js';
import { saveLogs } from '../../src/engine/api/log-save.js';

const [host, id, path] = process.argv.slice(2) as [string, string, string];
const docker = dockerClient({ socketPath: host.replace(/^unix:\/\//, '') });
const status = (field: string) => Number(new RegExp(`${field}:\\s+(\\d+) kB`).exec(readFileSync('/proc/self/status', 'utf8'))?.[1]) * 1024;
const before = status('VmRSS');
const bytes = await saveLogs(docker, id, path, { tail: 'all', timestamps: false });
process.stdout.write(`${bytes} ${status('VmHWM') - before}\n`);
