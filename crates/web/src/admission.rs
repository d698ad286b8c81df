//! A bounded turn for costly work: at most `permits` at once, at most `waiters` waiting,
//! each for at most `wait`; past any of these the answer is "busy" (503 with
//! `Retry-After`), never an unbounded queue.

use std::sync::Arc;
use std::time::Duration;
use tokio::sync::{OwnedSemaphorePermit, Semaphore};

/// Too much at once: try again shortly.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Busy;

/// Turns for one kind of costly work.
#[derive(Debug, Clone)]
pub struct Admission {
    permits: Arc<Semaphore>,
    admitted: Arc<Semaphore>,
    wait: Duration,
}

/// A turn, given back when dropped.
#[derive(Debug)]
pub struct Turn {
    _running: OwnedSemaphorePermit,
    _admitted: OwnedSemaphorePermit,
}

impl Admission {
    /// `permits` at once, `waiters` more waiting at most `wait` each.
    pub fn new(permits: usize, waiters: usize, wait: Duration) -> Admission {
        let permits = permits.max(1);
        Admission {
            permits: Arc::new(Semaphore::new(permits)),
            admitted: Arc::new(Semaphore::new(permits + waiters)),
            wait,
        }
    }

    /// Waits for a turn, or says busy.
    pub async fn turn(&self) -> Result<Turn, Busy> {
        let admitted = self
            .admitted
            .clone()
            .try_acquire_owned()
            .map_err(|_| Busy)?;
        let running = tokio::time::timeout(self.wait, self.permits.clone().acquire_owned())
            .await
            .map_err(|_| Busy)?
            .map_err(|_| Busy)?;
        Ok(Turn {
            _running: running,
            _admitted: admitted,
        })
    }
}

#[cfg(test)]
mod tests {
    use super::{Admission, Busy};
    use std::time::Duration;

    #[tokio::test]
    async fn turns_waiters_then_busy() {
        let admission = Admission::new(1, 1, Duration::from_secs(5));
        let first = admission.turn().await.expect("a turn");
        let waiting = {
            let admission = admission.clone();
            tokio::spawn(async move { admission.turn().await.map(|_| ()) })
        };
        tokio::task::yield_now().await;
        tokio::time::sleep(Duration::from_millis(50)).await;
        assert_eq!(
            admission.turn().await.map(|_| ()),
            Err(Busy),
            "no room to wait"
        );
        drop(first);
        assert_eq!(
            waiting.await.expect("task"),
            Ok(()),
            "the waiter got its turn"
        );
    }

    #[tokio::test]
    async fn a_waiter_gives_up_after_its_wait() {
        let admission = Admission::new(1, 1, Duration::from_millis(50));
        let _first = admission.turn().await.expect("a turn");
        assert_eq!(admission.turn().await.map(|_| ()), Err(Busy));
    }
}
