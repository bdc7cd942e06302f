import { Alert, App, Button, Card, Flex, Typography } from 'antd';
import { useCallback, useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { ChannelOutput } from '../../../../electron/ipc/contract.ts';
import { api } from '../../api/index.ts';
import { ErrorAlert } from '../../components/error-alert.tsx';
import { HubStatusPanel, type HubStatus } from '../accounts/hub-status-panel.tsx';
import { copyKeptToken } from './copy-token.ts';
import { MintTokenForm, type Minted } from './mint-token-form.tsx';
import { TokenOnceModal } from './token-once-modal.tsx';
import { VaultTable, type KeptToken } from './vault-table.tsx';

type Vault = ChannelOutput<'tokens:list'>;
type Account = ChannelOutput<'accounts:list'>['accounts'][number];

/** Mint tokens for hub accounts, and the vault of tokens kept for later. */
export function TokensPage() {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const [hub, setHub] = useState<HubStatus | null>(null);
  const [accounts, setAccounts] = useState<Account[]>([]);
  const [vault, setVault] = useState<Vault | null>(null);
  const [minted, setMinted] = useState<Minted | null>(null);
  const [loading, setLoading] = useState(false);
  const [error, setError] = useState<unknown>(null);

  const loadVault = useCallback(async () => {
    setLoading(true);
    try {
      setVault(await api.tokens.list());
    } catch (err) {
      setError(err);
    } finally {
      setLoading(false);
    }
  }, []);

  useEffect(() => {
    void loadVault();
  }, [loadVault]);

  useEffect(() => {
    if (!hub) return;
    api.accounts.list().then((r) => setAccounts(r.accounts), setError);
  }, [hub]);

  const act = async (action: () => Promise<unknown>, success: string) => {
    setError(null);
    try {
      await action();
      void message.success(success);
    } catch (err) {
      setError(err);
    }
  };

  const disableKeeping = () => act(async () => {
    await api.preferences.update({ keepTokens: false });
    await loadVault();
  }, t('tokens.keepingOff'));

  return (
    <Flex vertical gap="middle" data-testid="tokens-page">
      <HubStatusPanel onStatus={setHub} />
      {error !== null && <ErrorAlert error={error} onClose={() => setError(null)} />}
      {vault?.protection === 'weak' && (
        <Alert
          type="warning"
          showIcon
          data-testid="weak-vault"
          title={t('tokens.weakTitle')}
          description={t(vault.keepTokens ? 'tokens.weakBody' : 'tokens.weakBodyOff')}
          action={vault.keepTokens ? <Button size="small" onClick={() => void disableKeeping()}>{t('tokens.dontKeep')}</Button> : undefined}
        />
      )}
      {vault?.notice && <Alert type="warning" showIcon title={vault.notice} closable />}
      {hub && (
        <Card title={t('tokens.mintTitle')} size="small">
          {hub.notice && <Typography.Paragraph type="secondary">{t('tokens.noEffect')}</Typography.Paragraph>}
          <MintTokenForm
            accounts={accounts}
            onMinted={(m) => {
              setMinted(m);
              void loadVault();
            }}
          />
        </Card>
      )}
      <Card title={t('tokens.vaultTitle')} size="small" styles={{ body: { padding: 0 } }}>
        <VaultTable
          tokens={vault?.tokens ?? []}
          loading={loading}
          onCopy={(k: KeptToken) => void act(() => copyKeptToken(k.id), t('tokens.copied'))}
          onRenew={(k) =>
            void act(async () => {
              await api.tokens.renew({ id: k.id });
              await loadVault();
            }, t('tokens.renewed'))
          }
          onForget={(k) =>
            void act(async () => {
              await api.tokens.forget({ id: k.id });
              await loadVault();
            }, t('tokens.forgotten'))
          }
          onExport={(k) =>
            void act(async () => {
              const out = await api.tokens.exportKubeconfig({ id: k.id });
              void message.info(t('tokens.exported', { path: out.path }));
            }, t('tokens.exportedShort'))
          }
        />
      </Card>
      <TokenOnceModal minted={minted} onClose={() => setMinted(null)} />
    </Flex>
  );
}
