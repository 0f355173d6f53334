// The list answers dtui reads: GET /containers/json, /images/json, /volumes, /system/df.
// Only the fields dtui uses are checked; optional ones may be missing or null.
import * as v from 'valibot';

const text = v.string();
const optionalText = v.nullish(v.string());
// Numbers and flags are only ever shown or compared, through the sanitizing formatters,
// which cope with any scalar (a hostile engine sends strings there: test/e2e/hostile-engine);
// what would crash the code behind is a wrong structure, and that is what is refused.
const count = v.nullish(v.union([v.number(), v.string(), v.boolean()]));

export const ContainerSummary = v.looseObject({
  Id: text,
  Names: v.nullish(v.array(text)),
  Image: optionalText,
  ImageID: optionalText,
  Command: optionalText,
  Created: count,
  State: optionalText,
  Status: optionalText,
  Ports: v.nullish(v.array(v.looseObject({ IP: optionalText, PrivatePort: count, PublicPort: count, Type: optionalText }))),
  Labels: v.nullish(v.record(v.string(), text)),
  Mounts: v.nullish(v.array(v.looseObject({ Type: optionalText, Name: optionalText, Source: optionalText, Destination: optionalText }))),
});
export const ContainerList = v.array(ContainerSummary);

export const ImageSummary = v.looseObject({
  Id: text,
  RepoTags: v.nullish(v.array(text)),
  RepoDigests: v.nullish(v.array(text)),
  Size: count,
  Created: count,
  Containers: count,
});
export const ImageList = v.array(ImageSummary);

const Volume = v.looseObject({
  Name: text,
  Driver: optionalText,
  Mountpoint: optionalText,
  Scope: optionalText,
  CreatedAt: optionalText,
  Labels: v.nullish(v.record(v.string(), text)),
  UsageData: v.nullish(v.looseObject({ Size: count, RefCount: count })),
});
export const VolumeList = v.looseObject({ Volumes: v.nullish(v.array(Volume)) });
export const DiskUsage = v.looseObject({ Volumes: v.nullish(v.array(Volume)) });
