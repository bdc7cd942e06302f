import { Button, Col, Divider, Flex, Form, Input, InputNumber, Row } from 'antd';
import { useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Profile } from '../../../../electron/store/settings-schema.ts';
import { api } from '../../api/index.ts';
import { ErrorAlert } from '../../components/error-alert.tsx';
import { useAppInfo } from '../../hooks/use-app-info.ts';
import { useKubeContexts } from '../../hooks/use-kube-contexts.ts';
import { ContextSelect } from './context-select.tsx';
import { KubeconfigPathInput } from './kubeconfig-path-input.tsx';
import { isDnsLabel, isPort, toFormValues, toProfileInput, type ProfileFormValues } from './profile-form-model.ts';

interface Props {
  /** The profile to edit; none to create one. */
  profile?: Profile;
  /** All saved profiles, to suggest a free local port. */
  profiles: readonly Profile[];
  submitLabel: string;
  onSaved: (profile: Profile) => void;
  onCancel?: () => void;
}

export function ProfileForm({ profile, profiles, submitLabel, onSaved, onCancel }: Props) {
  const { t } = useTranslation();
  const [form] = Form.useForm<ProfileFormValues>();
  const [initialValues] = useState(() => toFormValues(profile, profiles));
  const path = Form.useWatch('kubeconfigPath', form) ?? initialValues.kubeconfigPath;
  const localPort = Form.useWatch('localPort', form) ?? initialValues.localPort;
  const contexts = useKubeContexts(path);
  const appInfo = useAppInfo();
  const [browseUnsupported, setBrowseUnsupported] = useState(false);
  const [saving, setSaving] = useState(false);
  const [saveError, setSaveError] = useState<unknown>(null);
  const autoName = useRef(profile?.context ?? '');
  // Only the desktop app has a file dialog; the browser bridge answers UNSUPPORTED.
  const browseAvailable = appInfo?.transport === 'electron' && !browseUnsupported;

  // Once the kubeconfig is read: keep a chosen context only if it is still there, else offer kubectl's current one.
  useEffect(() => {
    if (contexts.status !== 'ready') return;
    const names = contexts.result.contexts.map((c) => c.name);
    const chosen = form.getFieldValue('context') as string | undefined;
    if (chosen !== undefined && names.includes(chosen)) return;
    const current = contexts.result.currentContext;
    selectContext(current !== null && names.includes(current) ? current : undefined);
    // Deliberately only on a new answer: selectContext reads the live form, not render-time state.
  }, [contexts]);

  function selectContext(context: string | undefined) {
    form.setFieldValue('context', context);
    // The name follows the context until the user types one of their own.
    const name = form.getFieldValue('name') as string;
    if (name === '' || name === autoName.current) {
      autoName.current = context ?? '';
      form.setFieldValue('name', autoName.current);
    }
  }

  const save = async (values: ProfileFormValues) => {
    setSaving(true);
    setSaveError(null);
    try {
      onSaved(await api.profiles.save(toProfileInput(values, profile?.id)));
    } catch (error) {
      setSaveError(error);
    } finally {
      setSaving(false);
    }
  };

  const dnsLabelRule = ruleOf(isDnsLabel, t('profile.validation.dnsLabel'));
  const portRule = ruleOf(isPort, t('profile.validation.port'));

  return (
    <Form
      form={form}
      name="profile"
      layout="vertical"
      initialValues={initialValues}
      onFinish={(values) => void save(values)}
      onValuesChange={(changed: Partial<ProfileFormValues>) => {
        if ('context' in changed) selectContext(changed.context);
      }}
      data-testid="profile-form"
    >
      <Divider titlePlacement="start" plain>{t('profile.section.cluster')}</Divider>
      <Form.Item
        label={t('profile.fields.kubeconfigPath')}
        name="kubeconfigPath"
        validateStatus={contexts.status === 'error' ? 'error' : undefined}
        extra={
          contexts.status === 'ready'
            ? t('profile.fields.filesRead', { files: contexts.result.files.join(', ') })
            : browseAvailable
              ? t('profile.fields.kubeconfigHelp')
              : `${t('profile.fields.kubeconfigHelp')} ${t('profile.fields.browseUnavailable')}`
        }
      >
        <KubeconfigPathInput canBrowse={browseAvailable} onBrowseUnsupported={() => setBrowseUnsupported(true)} />
      </Form.Item>
      {contexts.status === 'error' && (
        <Form.Item>
          <ErrorAlert error={contexts.error} testId="kubeconfig-error" />
        </Form.Item>
      )}
      <Form.Item label={t('profile.fields.context')} name="context" rules={[{ required: true, message: t('profile.validation.contextRequired') }]}>
        <ContextSelect contexts={contexts} />
      </Form.Item>

      <Divider titlePlacement="start" plain>{t('profile.section.karpor')}</Divider>
      <Row gutter={16}>
        <Col xs={24} sm={8}>
          <Form.Item label={t('profile.fields.namespace')} name="namespace" rules={[dnsLabelRule]}>
            <Input spellCheck={false} autoComplete="off" />
          </Form.Item>
        </Col>
        <Col xs={24} sm={8}>
          <Form.Item label={t('profile.fields.service')} name="service" rules={[dnsLabelRule]}>
            <Input spellCheck={false} autoComplete="off" />
          </Form.Item>
        </Col>
        <Col xs={24} sm={8}>
          <Form.Item label={t('profile.fields.servicePort')} name="servicePort" rules={[portRule]}>
            <InputNumber min={1} max={65535} precision={0} style={{ width: '100%' }} />
          </Form.Item>
        </Col>
      </Row>

      <Divider titlePlacement="start" plain>{t('profile.section.local')}</Divider>
      <Row gutter={16}>
        <Col xs={24} sm={8}>
          <Form.Item
            label={t('profile.fields.localPort')}
            name="localPort"
            rules={[portRule]}
            extra={isPort(localPort) ? t('profile.fields.localPortHelp', { port: localPort }) : undefined}
          >
            <InputNumber min={1} max={65535} precision={0} style={{ width: '100%' }} />
          </Form.Item>
        </Col>
        <Col xs={24} sm={16}>
          <Form.Item label={t('profile.fields.name')} name="name" rules={[{ max: 100, message: t('profile.validation.nameTooLong') }]}>
            <Input placeholder={t('profile.fields.namePlaceholder')} autoComplete="off" />
          </Form.Item>
        </Col>
      </Row>

      {saveError !== null && (
        <Form.Item>
          <ErrorAlert error={saveError} onClose={() => setSaveError(null)} testId="save-error" />
        </Form.Item>
      )}
      <Flex gap="small" justify="end">
        {onCancel && <Button onClick={onCancel}>{t('common.cancel')}</Button>}
        <Button type="primary" htmlType="submit" loading={saving}>
          {submitLabel}
        </Button>
      </Flex>
    </Form>
  );
}

/** An antd Form rule from one of the model's checks. */
function ruleOf(check: (value: unknown) => boolean, message: string) {
  return {
    validator: async (_rule: unknown, value: unknown) => {
      if (!check(value)) throw new Error(message);
    },
  };
}
