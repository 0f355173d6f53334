// The one place the Networks code reaches the engine's network calls (src/engine/api/networks.ts).
import { dockerNetworks, type NetworkApi } from '../../engine/api/networks.js';
import type { ListEngine } from '../query.js';

export function networkApi(engine: ListEngine): NetworkApi {
  return dockerNetworks(engine.docker);
}
