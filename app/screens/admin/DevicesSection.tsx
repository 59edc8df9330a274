/**
 * Devices (issue 14): enrolment codes for kiosks and displays, shown once as text and as a QR
 * of `<origin>/enrol#<code>`, and the enrolled devices with their last contact, printer and
 * state; Revoke disables a device's account (docs/ADMIN.md, Devices). Every change goes
 * through `/api/devices`, and the list is read again after it.
 */
import { For, Show, createResource, createSignal } from 'solid-js';
import { useI18n } from '../../i18n/I18nProvider.tsx';
import { formatDateTime } from '../../i18n/format.ts';
import type { MessageKey } from '../../i18n/translate.ts';
import { Button } from '../../ui/Button.tsx';
import { Notice } from '../../ui/Notice.tsx';
import { Panel } from '../../ui/Panel.tsx';
import { StatusChip } from '../../ui/StatusChip.tsx';
import { qrMatrix } from '../../printing/qr-matrix.ts';
import { enrolmentUrl } from '../../auth/enrol-rules.ts';
import { listDevices, revokeDevice, type DeviceSummary, type NewCode } from './devices-client.ts';
import { DeviceCodeForm, deviceProblemText } from './DeviceCodeForm.tsx';

/** The QR as one SVG path (classes only: the CSP forbids inline styles). */
function EnrolQr(props: { data: string; label: string }) {
  const rows = qrMatrix(props.data);
  const size = rows.length + 8;
  let path = '';
  rows.forEach((row, y) => row.forEach((dark, x) => dark && (path += `M${x + 4} ${y + 4}h1v1h-1z`)));
  return (
    <svg class="devices-qr" viewBox={`0 0 ${size} ${size}`} shape-rendering="crispEdges" role="img" aria-label={props.label} data-testid="admin-device-qr" data-qr={props.data}>
      <rect width={size} height={size} fill="#fff" />
      <path d={path} fill="#000" />
    </svg>
  );
}

export function DevicesSection() {
  const { t, locale } = useI18n();
  const [data, { refetch }] = createResource(listDevices);
  const [creating, setCreating] = createSignal(0);
  const [shownCode, setShownCode] = createSignal<NewCode | null>(null);
  const [message, setMessage] = createSignal<{ tone: 'ok' | 'error'; text: string } | null>(null);
  let creations = 0;

  const loaded = () => {
    const d = data.latest;
    return d?.ok ? d : null;
  };
  const branches = () => loaded()?.branches ?? [];
  const branchName = (code: string) => branches().find((b) => b.code === code)?.name ?? code;
  const when = (iso: string | null) => (iso ? formatDateTime(iso, locale()) : t('admin.devices.never'));

  async function revoke(device: DeviceSummary) {
    const answer = await revokeDevice(device.name);
    if (!answer.ok) return setMessage({ tone: 'error', text: deviceProblemText(t, answer.code) });
    setMessage({ tone: 'ok', text: t('admin.devices.revokedDone', { label: device.label }) });
    void refetch();
  }

  return (
    <div class="admin-devices" data-testid="admin-devices">
      <Show when={data.latest && !data.latest.ok ? data.latest : null}>{(d) => <Notice tone="error" testId="admin-devices-load-error">{deviceProblemText(t, d().code)}</Notice>}</Show>
      <Show when={message()}>{(m) => <Notice tone={m().tone} testId="admin-devices-message">{m().text}</Notice>}</Show>
      <Show when={shownCode()} keyed>
        {(c) => (
          <Panel title={t('admin.devices.codeTitle', { label: c.label })} tone="warn" testId="admin-device-code-panel">
            <p>{t('admin.devices.codeIntro', { expires: formatDateTime(c.expiresAt, locale()) })}</p>
            <div class="devices-code">
              <EnrolQr data={enrolmentUrl(location.origin, c.code)} label={t('admin.devices.qr')} />
              <div>
                <p class="admin-secret" data-testid="admin-device-code">{c.code}</p>
                <p class="devices-url" data-testid="admin-device-url">{enrolmentUrl(location.origin, c.code)}</p>
              </div>
            </div>
            <Button variant="secondary" testId="admin-device-code-done" onClick={() => (setShownCode(null), void refetch())}>{t('admin.devices.codeDone')}</Button>
          </Panel>
        )}
      </Show>

      <Show
        when={creating()}
        keyed
        fallback={
          <Button variant="primary" testId="admin-device-create-open" disabled={!loaded()} onClick={() => (setMessage(null), setShownCode(null), setCreating(++creations))}>
            {t('admin.devices.create')}
          </Button>
        }
      >
        {(_key) => (
          <DeviceCodeForm
            branches={branches()}
            onCancel={() => setCreating(0)}
            onCreated={(c) => {
              setCreating(0);
              setShownCode(c);
            }}
          />
        )}
      </Show>

      <Panel title={t('admin.devices.list')} testId="admin-devices-list">
        <Show when={loaded() && loaded()!.devices.length === 0}>
          <p>{t('admin.devices.empty')}</p>
        </Show>
        <Show when={(loaded()?.devices.length ?? 0) > 0}>
          <table class="table admin-table">
            <thead>
              <tr>
                <th scope="col">{t('admin.devices.name')}</th>
                <th scope="col">{t('admin.devices.branch')}</th>
                <th scope="col">{t('admin.devices.role')}</th>
                <th scope="col">{t('admin.devices.enrolledAt')}</th>
                <th scope="col">{t('admin.devices.lastContact')}</th>
                <th scope="col">{t('admin.devices.printer')}</th>
                <th scope="col">{t('admin.devices.state')}</th>
                <th scope="col">{t('admin.devices.actions')}</th>
              </tr>
            </thead>
            <tbody>
              <For each={loaded()?.devices ?? []}>
                {(d) => (
                  <tr data-testid={`admin-device-${d.name}`} data-label={d.label}>
                    <th scope="row">
                      {d.label}
                      <span class="admin-display-name">{d.name}</span>
                    </th>
                    <td>{branchName(d.branch)}</td>
                    <td>{t(`admin.role.${d.role}`)}</td>
                    <td>{when(d.enrolledAt)}</td>
                    <td data-testid={`admin-device-${d.name}-contact`}>{when(d.lastContact)}</td>
                    <td>{t(`admin.devices.printer.${d.printer ?? 'unknown'}` as MessageKey)}</td>
                    <td>
                      <Show when={d.revoked} fallback={<StatusChip tone="ok">{t('admin.devices.active')}</StatusChip>}>
                        <StatusChip tone="danger" testId={`admin-device-${d.name}-revoked`}>{t('admin.devices.revoked')}</StatusChip>
                      </Show>
                    </td>
                    <td class="admin-row-actions">
                      <Show when={!d.revoked}>
                        <Button size="small" variant="danger" testId={`admin-device-revoke-${d.name}`} aria-label={t('admin.devices.revokeFor', { label: d.label })} action={() => revoke(d)}>
                          {t('admin.devices.revoke')}
                        </Button>
                      </Show>
                    </td>
                  </tr>
                )}
              </For>
            </tbody>
          </table>
        </Show>
      </Panel>
    </div>
  );
}
