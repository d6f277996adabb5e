//! When one paper's work is spread over rayon's pool. Its notes are read,
//! its checks run and its outputs written side by side only when the paper
//! is long enough to repay a pool's start-up and hand-offs; the results are
//! put back in order, so the output does not depend on the thread count.
//! The pool has `RAYON_NUM_THREADS` threads (all cores by default) or
//! `footcite --threads N`.

/// Notes per piece of work handed to a thread.
pub const NOTES_PER_THREAD: usize = 256;

/// Is a paper of `notes` notes worth more than one thread?
pub fn worth_threads(notes: usize) -> bool {
    notes >= 2 * NOTES_PER_THREAD && rayon::current_num_threads() > 1
}

/// `(a(), b())`, on two threads when `parallel`.
pub fn join_when<A, B, RA, RB>(parallel: bool, a: A, b: B) -> (RA, RB)
where
    A: FnOnce() -> RA + Send,
    B: FnOnce() -> RB + Send,
    RA: Send,
    RB: Send,
{
    if parallel {
        rayon::join(a, b)
    } else {
        (a(), b())
    }
}

/// `f()` run in a pool of its own of `threads` threads (for tests).
#[cfg(test)]
pub(crate) fn in_pool<T: Send>(threads: usize, f: impl FnOnce() -> T + Send) -> T {
    rayon::ThreadPoolBuilder::new()
        .num_threads(threads)
        .build()
        .unwrap()
        .install(f)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_paper_needs_two_pieces_of_notes_and_two_threads() {
        in_pool(2, || {
            assert!(!worth_threads(2 * NOTES_PER_THREAD - 1));
            assert!(worth_threads(2 * NOTES_PER_THREAD));
        });
        in_pool(1, || assert!(!worth_threads(100_000)));
    }

    #[test]
    fn joined_results_keep_their_order() {
        for parallel in [false, true] {
            assert_eq!(in_pool(2, || join_when(parallel, || 1, || "b")), (1, "b"));
        }
    }
}
