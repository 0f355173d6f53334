// `engine:` — which engine to start on when no flag (-H, --context) and no DOCKER_HOST or
// DOCKER_CONTEXT says so; the docker CLI's own current context comes after it.
import * as v from 'valibot';
import { optionalField, section } from './field.js';

export const engineSection = v.pipe(
  section(
    {
      host: optionalField(
        v.pipe(v.string('an engine URL'), v.nonEmpty('an engine URL')),
        'Engine to start on: unix:///path, tcp://host:port or ssh://user@host',
      ),
      context: optionalField(v.pipe(v.string('a context name'), v.nonEmpty('a context name')), 'Docker context to start on (docker context ls)'),
    },
    'The engine to start on, below -H/--context and DOCKER_HOST/DOCKER_CONTEXT',
  ),
  v.check((e) => e?.host === undefined || e.context === undefined, 'host or context, not both'),
);

export type EngineSettings = v.InferOutput<typeof engineSection>;
