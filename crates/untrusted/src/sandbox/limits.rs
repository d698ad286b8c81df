//! The hard limits of a sandbox's child, set by the parent on the child's process.

use rlimit::Resource;
use std::time::Duration;

/// What one child may use.
#[derive(Debug, Clone)]
pub struct Limits {
    /// Address space (`RLIMIT_AS`): allocations past it fail, and the child aborts.
    pub address_space_bytes: u64,
    /// CPU time (`RLIMIT_CPU`), in seconds: SIGXCPU then SIGKILL.
    pub cpu_seconds: u64,
    /// Stack (`RLIMIT_STACK`): deep recursion ends in a stack overflow, in the child.
    pub stack_bytes: u64,
    /// Wall time, after which the parent kills the child.
    pub wall: Duration,
    /// The most bytes of answer read from the child.
    pub output_bytes: usize,
    /// How long a job may wait for a turn before the answer is "busy".
    pub queue_wait: Duration,
    /// The child's scheduling niceness: above 0, requests in progress go first when the
    /// processor is short (the reading of CVs can wait, an answer cannot).
    pub niceness: i32,
}

impl Default for Limits {
    fn default() -> Limits {
        Limits {
            address_space_bytes: 256 * 1024 * 1024,
            cpu_seconds: 5,
            stack_bytes: 8 * 1024 * 1024,
            wall: Duration::from_secs(10),
            output_bytes: 4 * 1024 * 1024,
            queue_wait: Duration::from_secs(20),
            niceness: 10,
        }
    }
}

impl Limits {
    /// Sets the limits on the process `pid` (the parent's own child).
    pub fn apply_to(&self, pid: u32) -> std::io::Result<()> {
        let pid = i32::try_from(pid).map_err(std::io::Error::other)?;
        let cpu = self.cpu_seconds;
        for (resource, soft, hard) in [
            (
                Resource::AS,
                self.address_space_bytes,
                self.address_space_bytes,
            ),
            (Resource::CPU, cpu, cpu + 1),
            (Resource::STACK, self.stack_bytes, self.stack_bytes),
            // the child writes no file and leaves no core dump
            (Resource::FSIZE, 0, 0),
            (Resource::CORE, 0, 0),
        ] {
            rlimit::prlimit(pid, resource, Some((soft, hard)), None)?;
        }
        let pid =
            rustix::process::Pid::from_raw(pid).ok_or_else(|| std::io::Error::other("pid 0"))?;
        rustix::process::setpriority_process(Some(pid), self.niceness)?;
        Ok(())
    }

    /// Whether this process runs under an address-space and a CPU limit (the child checks
    /// before it parses anything).
    pub fn are_set_on_this_process() -> bool {
        let limited = |resource: Resource| {
            rlimit::getrlimit(resource).is_ok_and(|(soft, _)| soft != rlimit::INFINITY)
        };
        limited(Resource::AS) && limited(Resource::CPU)
    }
}
