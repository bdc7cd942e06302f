import { Button, Form } from 'antd';
import type { Submission } from '../hooks/use-submission.ts';
import { ErrorAlert } from './error-alert.tsx';

interface Props {
  submitLabel: string;
  submission: Submission;
  /** `data-testid` of the error alert. */
  errorTestId: string;
}

/** The end of an inline form: its submit button, then the last error on a row of its own. */
export function FormFooter({ submitLabel, submission, errorTestId }: Props) {
  return (
    <>
      <Form.Item>
        <Button type="primary" htmlType="submit" loading={submission.pending}>
          {submitLabel}
        </Button>
      </Form.Item>
      {submission.error !== null && (
        <div style={{ flexBasis: '100%' }}>
          <ErrorAlert error={submission.error} onClose={submission.dismissError} testId={errorTestId} />
        </div>
      )}
    </>
  );
}
