// The whole screen: header, the two lists on the left, the detail pane on the right,
// status and key hints at the bottom; help and dialogs drawn over it.
import { useContext, useEffect, useMemo } from 'react';
import { Box, useInput, useStdout } from 'ink';
import { helpSections, hintText } from '../../keys/help.js';
import { ConfirmDialog } from '../../ui/confirm-dialog.js';
import { FormDialog } from '../../ui/form/form-dialog.js';
import { HelpOverlay } from '../../ui/help-overlay.js';
import { HintBar, StatusBar } from '../../ui/status-bar.js';
import { useForwardDelete } from '../../ui/use-forward-delete.js';
import { useStore } from '../../ui/use-store.js';
import { DetailPane } from '../detail/detail-pane.js';
import { Header } from '../header/header.js';
import { EnginePane } from '../engine/engine-pane.js';
import { EnginesPane } from '../engines/engines-pane.js';
import { TextOverlayView } from '../overlay/text-overlay.js';
import { ResourcePane } from '../resource-pane.js';
import { listsShown } from '../../app/dispatch/handlers.js';
import { hintKeymap } from '../../app/dispatch/hint-keymap.js';
import { RESOURCES } from '../../resources/registry.js';
import { SearchView } from '../registry/search-view.js';
import { TransferView } from '../registry/transfer-view.js';
import type { AppContextValue } from '../../app/app-context.js';
import { Controller } from '../../app/dispatch/controller.js';
import { layoutFor, paneBox, screenHeight } from '../../app/layout.js';
import { AppContext } from './use-app.js';
import { keyLabel, keyLabels } from '../../keys/labels.js';
import { formKeysLine } from '../../app/forms.js';
import { usePaste } from './paste.js';
import { useMouse } from './mouse.js';
import { confirmFooter } from '../../app/dialogs.js';

// Key lines of the dialogs and overlays drawn here, read from the keymap.
const HELP_KEYS = () => ({
  close: keyLabels('help.close', ' or ').split(' or ').slice(0, 2).join(' or '),
  pageUp: keyLabel('help.pageUp'),
  pageDown: keyLabel('help.pageDown'),
});

function useTerminalSize(ctx: AppContextValue): void {
  const { stdout } = useStdout();
  useEffect(() => {
    const onResize = () => ctx.terminal.set({ cols: stdout.columns || 80, rows: stdout.rows || 24 });
    stdout.on('resize', onResize);
    return () => {
      stdout.off('resize', onResize);
    };
  }, [ctx, stdout]);
}

function Screen({ controller }: { controller: Controller }) {
  const ctx = useContext(AppContext)!;
  const ui = useStore(ctx.ui);
  const { cols, rows } = useStore(ctx.terminal);
  const layout = layoutFor(cols, rows);
  useInput(useForwardDelete(controller.handleInput));
  usePaste(ctx);
  useMouse(controller);
  const hints = hintText(
    hintKeymap(ctx.keymap, ui, (k) => RESOURCES[k].detailTabs ?? []),
    controller.scopes(),
    cols,
  );
  const sections = useMemo(() => helpSections(ctx.keymap), [ctx.keymap]);
  return (
    <Box flexDirection="column" width={cols} height={screenHeight(rows)}>
      <Header width={cols} />
      {ui.help ? (
        <HelpOverlay sections={sections} keys={HELP_KEYS()} width={cols} height={layout.bodyHeight} scroll={ui.helpScroll} />
      ) : (
        <Box flexDirection="row" height={layout.bodyHeight}>
          {ui.overlay ? (
            <TextOverlayView overlay={ui.overlay} width={cols} height={layout.bodyHeight} />
          ) : ui.focus === 'engines' ? (
            <EnginesPane width={cols} height={layout.bodyHeight} listWidth={layout.leftWidth} />
          ) : ui.focus !== 'detail' && ui.focus !== 'engine' && RESOURCES[ui.focus].placement === 'full' ? (
            <ResourcePane key={ui.focus} kind={ui.focus} {...paneBox(layout, 'full')} />
          ) : ui.focus === 'engine' ? (
            <EnginePane width={cols} height={layout.bodyHeight} />
          ) : ui.focus === 'detail' && (ui.detailZoom || RESOURCES[ui.lastList].placement === 'full') ? (
            // A full-body kind's detail (a service's log) takes the body too: no list beside it.
            <DetailPane width={cols} height={layout.bodyHeight} />
          ) : (
            <>
              <Box flexDirection="column" width={layout.leftWidth}>
                {listsShown(ui.lastList).map((kind) => (
                  <ResourcePane key={kind} kind={kind} {...paneBox(layout, RESOURCES[kind].placement)} />
                ))}
              </Box>
              <DetailPane width={layout.rightWidth} height={layout.bodyHeight} />
            </>
          )}
          {ui.search ? <SearchView search={ui.search} cols={cols} rows={layout.bodyHeight} /> : null}
          {ui.transfer ? <TransferView transfer={ui.transfer} cols={cols} rows={layout.bodyHeight} /> : null}
          {ui.dialog ? (
            <ConfirmDialog
              title={ui.dialog.title}
              lines={ui.dialog.lines}
              danger={ui.dialog.danger}
              footer={ui.dialog.footer ?? confirmFooter()}
              cols={cols}
              rows={layout.bodyHeight}
            />
          ) : null}
          {ui.form ? (
            <FormDialog
              title={ui.form.title}
              form={ui.form.state}
              note={ui.form.busy ? 'Working…' : ui.form.note}
              keys={formKeysLine()}
              cols={cols}
              rows={layout.bodyHeight}
            />
          ) : null}
        </Box>
      )}
      <StatusBar status={ui.status} width={cols} moreKey={keyLabel('status.show')} />
      <HintBar text={hints} />
    </Box>
  );
}

/** A number per engine session: the screen is mounted afresh on an engine switch. */
const SESSION_KEYS = new WeakMap<object, number>();
let nextSessionKey = 0;
function sessionKey(session: object): number {
  let key = SESSION_KEYS.get(session);
  if (key === undefined) SESSION_KEYS.set(session, (key = nextSessionKey++));
  return key;
}

export function App({ ctx, quit }: { ctx: AppContextValue; quit: () => void }) {
  const controller = useMemo(() => new Controller(ctx, quit), [ctx, quit]);
  useTerminalSize(ctx);
  // Every view subscribes to the session it was mounted with: after a switch they all
  // mount again on the new one (and let go of the old one's stores).
  const session = useStore(ctx.sessions);
  return (
    <AppContext.Provider value={ctx}>
      <Screen key={sessionKey(session)} controller={controller} />
    </AppContext.Provider>
  );
}
