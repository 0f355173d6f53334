// What reading a container's log depends on and never changes: whether it has a TTY (raw
// bytes, else 8-byte frames) and its log driver. Both are fixed when the container is
// created (`docker update` changes neither) and ids are never reused, so one inspect per
// container is enough for the engine's life. Moving through the Projects pane reopens the
// merged log of a service's 25 containers or a project's 200 at every row; without this,
// every row was an inspect per container before its log could be asked for
// (docs/PERFORMANCE.md, "Projects pane: each container inspected once").

export interface LogShape {
  tty: boolean;
  driver: string;
}

/** Bounded: ids of removed containers leave as new ones come (oldest remembered first out). */
export class LogShapes {
  private readonly shapes = new Map<string, LogShape>();

  constructor(private readonly capacity = 4096) {}

  get(id: string): LogShape | undefined {
    return this.shapes.get(id);
  }

  remember(id: string, shape: LogShape): void {
    this.shapes.delete(id);
    this.shapes.set(id, shape);
    if (this.shapes.size > this.capacity) this.shapes.delete(this.shapes.keys().next().value!);
  }
}
