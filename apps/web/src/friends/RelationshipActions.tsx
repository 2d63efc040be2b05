import { useStore } from '../app/hooks';
import { capitalise, describeError } from '../app/util';
import { notify } from '../ui/Toasts';
import { useRelationships, useRelationshipsStore } from './relationships-store';

/**
 * The relationship buttons of a user's profile card: add friend (or accept), cancel a request, block or
 * unblock — so a harasser who shares a server can be blocked without being a friend first.
 */
export function RelationshipActions({ userId, name, bot }: { userId: string; name: string; bot: boolean }) {
  const social = useStore().socialActions;
  const relationshipsStore = useRelationshipsStore();
  const relationship = useRelationships()[userId];
  const act = (work: () => Promise<void>, done: string) => {
    work().then(
      () => notify(done, 'info'),
      (error: unknown) => notify(capitalise(describeError(error))),
    );
  };
  const type = relationship?.type;
  return (
    <div className="profile-relationship">
      {!bot && type !== 'friend' && type !== 'outgoing' && type !== 'blocked' ? (
        <button
          className="button secondary"
          onClick={() =>
            act(
              async () => {
                relationshipsStore.put(await social.addFriend(userId));
              },
              type === 'incoming' ? `You and ${name} are now friends.` : `Friend request sent to ${name}.`,
            )
          }
        >
          {type === 'incoming' ? 'Accept friend request' : 'Add friend'}
        </button>
      ) : null}
      {type === 'blocked' ? (
        <button
          className="button secondary"
          onClick={() =>
            act(async () => {
              await social.removeRelationship(userId);
              relationshipsStore.drop(userId);
            }, `${name} is unblocked.`)
          }
        >
          Unblock
        </button>
      ) : (
        <button
          className="button danger"
          onClick={() =>
            act(async () => {
              relationshipsStore.put(await social.block(userId));
            }, `${name} is blocked.`)
          }
        >
          Block
        </button>
      )}
    </div>
  );
}
