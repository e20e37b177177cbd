import { Button, Result } from 'antd';
import { useNavigate } from 'react-router';
import { isApiError } from '../api/ApiError.ts';
import { ErrorAlert } from './ErrorAlert.tsx';

/**
 * What a detail page shows when its record cannot be read: "not found" with the way back to its list (a 404,
 * or an id that is no id), or the error as answered.
 */
export function LoadFailed({
  error,
  notFound,
  backTo,
  backText,
}: {
  error: unknown;
  notFound: string;
  backTo: string;
  backText: string;
}) {
  const navigate = useNavigate();
  if (isApiError(error) && (error.status === 404 || error.status === 400)) {
    return (
      <Result
        status="404"
        title={notFound}
        extra={
          <Button type="primary" onClick={() => navigate(backTo)}>
            {backText}
          </Button>
        }
      />
    );
  }
  return <ErrorAlert error={error} />;
}
