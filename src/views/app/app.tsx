// The whole screen: header, the two lists on the left, the detail pane on the right,
// status and key hints at the bottom; help and dialogs drawn over it.
import React, { useEffect, useMemo } from 'react';
import { Box, useInput, useStdout } from 'ink';
import { helpSections, hintText } from '../../keys/help.js';
import { ConfirmDialog } from '../../ui/confirm-dialog.js';
import { FormDialog } from '../../ui/form/form-dialog.js';
import { HelpOverlay } from '../../ui/help-overlay.js';
import { HintBar, StatusBar } from '../../ui/status-bar.js';
import { useForwardDelete } from '../../ui/use-forward-delete.js';
import { useStore } from '../../ui/use-store.js';
import { ContainersPane } from '../containers/containers-pane.js';
import { DetailPane } from '../detail/detail-pane.js';
import { Header } from '../header/header.js';
import { ImagesPane } from '../images/images-pane.js';
import { EnginePane } from '../engine/engine-pane.js';
import { TextOverlayView } from '../overlay/text-overlay.js';
import { VolumesPane } from '../volumes/volumes-pane.js';
import { SearchView } from '../registry/search-view.js';
import { TransferView } from '../registry/transfer-view.js';
import type { AppContextValue } from './app-context.js';
import { Controller } from './controller.js';
import { layoutFor, screenHeight } from './layout.js';
import { AppContext } from './use-app.js';

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
  const ctx = React.useContext(AppContext)!;
  const ui = useStore(ctx.ui);
  const { cols, rows } = useStore(ctx.terminal);
  const layout = layoutFor(cols, rows);
  useInput(useForwardDelete(controller.handleInput));
  const hints = hintText(ctx.keymap, controller.scopes(), cols);
  const sections = useMemo(() => helpSections(ctx.keymap), [ctx.keymap]);
  return (
    <Box flexDirection="column" width={cols} height={screenHeight(rows)}>
      <Header width={cols} />
      {ui.help ? (
        <HelpOverlay sections={sections} width={cols} height={layout.bodyHeight} scroll={ui.helpScroll} />
      ) : (
        <Box flexDirection="row" height={layout.bodyHeight}>
          {ui.overlay ? (
            <TextOverlayView overlay={ui.overlay} width={cols} height={layout.bodyHeight} />
          ) : ui.focus === 'volumes' ? (
            <VolumesPane width={cols} height={layout.bodyHeight} />
          ) : ui.focus === 'engine' ? (
            <EnginePane width={cols} height={layout.bodyHeight} />
          ) : (
            <>
              <Box flexDirection="column" width={layout.leftWidth}>
                <ContainersPane width={layout.leftWidth} height={layout.containersHeight} rows={layout.containerRows} />
                <ImagesPane width={layout.leftWidth} height={layout.imagesHeight} rows={layout.imageRows} />
              </Box>
              <DetailPane width={layout.rightWidth} height={layout.bodyHeight} />
            </>
          )}
          {ui.search ? <SearchView search={ui.search} cols={cols} rows={layout.bodyHeight} /> : null}
          {ui.transfer ? <TransferView transfer={ui.transfer} cols={cols} rows={layout.bodyHeight} /> : null}
          {ui.dialog ? (
            <ConfirmDialog title={ui.dialog.title} lines={ui.dialog.lines} danger={ui.dialog.danger} footer={ui.dialog.footer} cols={cols} rows={layout.bodyHeight} />
          ) : null}
          {ui.form ? (
            <FormDialog title={ui.form.title} form={ui.form.state} note={ui.form.busy ? 'Working…' : ui.form.note} cols={cols} rows={layout.bodyHeight} />
          ) : null}
        </Box>
      )}
      <StatusBar status={ui.status} width={cols} />
      <HintBar text={hints} />
    </Box>
  );
}

export function App({ ctx, quit }: { ctx: AppContextValue; quit: () => void }) {
  const controller = useMemo(() => new Controller(ctx, quit), [ctx, quit]);
  useTerminalSize(ctx);
  return (
    <AppContext.Provider value={ctx}>
      <Screen controller={controller} />
    </AppContext.Provider>
  );
}
