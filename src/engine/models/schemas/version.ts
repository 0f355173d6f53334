// GET /version (asked unversioned at connect) and GET /containers/{id}/json.
import * as v from 'valibot';

export const VersionAnswer = v.looseObject({
  Version: v.nullish(v.string()),
  ApiVersion: v.nullish(v.string()),
  MinAPIVersion: v.nullish(v.string()),
  Os: v.nullish(v.string()),
  Arch: v.nullish(v.string()),
  // Podman names itself only here ("Podman Engine"); Docker Desktop/CE in Platform.Name.
  Platform: v.nullish(v.looseObject({ Name: v.nullish(v.string()) })),
  Components: v.nullish(v.array(v.looseObject({ Name: v.nullish(v.string()), Version: v.nullish(v.string()) }))),
});

export const ContainerInspect = v.looseObject({
  Id: v.string(),
  Name: v.nullish(v.string()),
  Config: v.nullish(
    v.looseObject({
      Tty: v.nullish(v.union([v.boolean(), v.string(), v.number()])),
      Env: v.nullish(v.array(v.string())),
      Labels: v.nullish(v.record(v.string(), v.string())),
    }),
  ),
  State: v.looseObject({ Status: v.string() }),
});
