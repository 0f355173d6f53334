// The one place a Dockerode client is built. dockerode 5 takes options (abortSignal, …)
// that @types/dockerode 4 does not declare; dockerode-augment.d.ts declares them, and
// the top-level calls among them are typed here, once, as `Docker`.
import Dockerode from 'dockerode';

export type Docker = Dockerode.Calls & Dockerode;

export function dockerClient(options: Dockerode.DockerOptions): Docker {
  // The class's declaration cannot be merged from a module augmentation; this one
  // assertion stands for every call `Dockerode.Calls` declares.
  return new Dockerode(options) as Docker;
}
