import { Button } from "@/components/ui/button";

type Props = {
  /** True while there is an older page to load. */
  hasMore: boolean;
  loading: boolean;
  error: string | null;
  onLoadMore: () => void;
  /** What the end of the list says, e.g. "That's all: 12 runs." */
  endText: string;
};

/** The foot of a paged list: a "Load more" button while there is more, then a plain end note. */
export function LoadMoreFooter({ hasMore, loading, error, onLoadMore, endText }: Props) {
  return (
    <div className="flex flex-col items-center gap-2 border-t border-slate-100 px-4 py-3 text-sm">
      {hasMore ? (
        <>
          {error && (
            <p role="alert" className="text-red-600">
              Couldn&apos;t load more: {error}
            </p>
          )}
          <Button size="sm" onClick={onLoadMore} disabled={loading} aria-busy={loading || undefined}>
            {loading ? "Loading…" : "Load more"}
          </Button>
        </>
      ) : (
        <p data-testid="list-end" className="text-slate-500">
          {endText}
        </p>
      )}
    </div>
  );
}
