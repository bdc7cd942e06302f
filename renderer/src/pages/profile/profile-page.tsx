import { PlusOutlined } from '@ant-design/icons';
import { App, Button, Card, Flex, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Profile } from '../../../../electron/store/settings-schema.ts';
import { api } from '../../api/index.ts';
import { ErrorAlert } from '../../components/error-alert.tsx';
import { useSettings } from '../../hooks/use-settings.ts';
import { ProfileForm } from './profile-form.tsx';
import { ProfileTable } from './profile-table.tsx';

type Editing = { mode: 'new' } | { mode: 'edit'; profile: Profile } | null;

/** The saved Karpor installations: list, add, edit, delete, choose the active one. */
export function ProfilePage() {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const { view, reload } = useSettings();
  const { profiles, activeProfileId } = view.settings;
  const [editing, setEditing] = useState<Editing>(null);
  const [actionError, setActionError] = useState<unknown>(null);

  const run = async (action: () => Promise<unknown>, success: string) => {
    setActionError(null);
    try {
      await action();
      void message.success(success);
      await reload();
    } catch (error) {
      setActionError(error);
    }
  };

  const saved = (profile: Profile) => {
    setEditing(null);
    void message.success(t('profile.saved', { name: profile.name }));
    void reload();
  };

  if (editing) {
    const title = editing.mode === 'new' ? t('profile.newTitle') : t('profile.editTitle', { name: editing.profile.name });
    return (
      <Card title={title}>
        <ProfileForm
          // A fresh form per profile: its initial values are read once.
          key={editing.mode === 'new' ? 'new' : editing.profile.id}
          profile={editing.mode === 'new' ? undefined : editing.profile}
          profiles={profiles}
          submitLabel={t('common.save')}
          onSaved={saved}
          onCancel={() => setEditing(null)}
        />
      </Card>
    );
  }

  return (
    <Flex vertical gap="middle">
      <Flex align="center" justify="space-between" gap="middle">
        <Typography.Text type="secondary">{t('profile.listIntro')}</Typography.Text>
        <Button type="primary" icon={<PlusOutlined />} onClick={() => setEditing({ mode: 'new' })}>
          {t('profile.add')}
        </Button>
      </Flex>
      {actionError !== null && <ErrorAlert error={actionError} onClose={() => setActionError(null)} />}
      <Card styles={{ body: { padding: 0 } }}>
        <ProfileTable
          profiles={profiles}
          activeProfileId={activeProfileId}
          onActivate={(p) => void run(() => api.profiles.activate({ id: p.id }), t('profile.activated', { name: p.name }))}
          onEdit={(p) => setEditing({ mode: 'edit', profile: p })}
          onDelete={(p) => void run(() => api.profiles.delete({ id: p.id }), t('profile.deleted', { name: p.name }))}
        />
      </Card>
    </Flex>
  );
}
