/** The form of one step, by action. */
import type { IncomingAction, IncomingDetail } from '../incoming.types';
import { AssignForm } from './AssignForm';
import { DecideExtensionForm } from './DecideExtensionForm';
import { DirectForm } from './DirectForm';
import { RecallAnswerForm, RefuseForm } from './ExchangeForms';
import { CloseForm, CommentForm, CompleteForm, RecallForm, RequestExtensionForm, ReturnForm } from './NoteForms';
import { PresentForm } from './PresentForm';
import { RegisterReceivedForm } from './RegisterReceivedForm';

export interface ActionFormProps {
  doc: IncomingDetail;
  onDone: () => void;
}

export function ActionForm({ action, ...props }: ActionFormProps & { action: IncomingAction }) {
  switch (action) {
    case 'register':
      return <RegisterReceivedForm {...props} />;
    case 'present':
      return <PresentForm {...props} />;
    case 'direct':
      return <DirectForm {...props} />;
    case 'assign':
      return <AssignForm {...props} />;
    case 'comment':
      return <CommentForm {...props} />;
    case 'request_extension':
      return <RequestExtensionForm {...props} />;
    case 'decide_extension':
      return <DecideExtensionForm {...props} />;
    case 'return':
      return <ReturnForm {...props} />;
    case 'complete':
      return <CompleteForm {...props} />;
    case 'recall':
      return <RecallForm {...props} />;
    case 'close':
      return <CloseForm {...props} />;
    case 'refuse':
      return <RefuseForm {...props} />;
    case 'recall_answer':
      return <RecallAnswerForm {...props} />;
  }
}
