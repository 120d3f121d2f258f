//! Sending at Telegram's pace: about 1 message/s per private chat (short bursts tolerated),
//! 20/min per group, 30/s overall; a 429 stops all sending for its `retry_after`.
//! Token buckets in memory: one process sends for one bot.

use std::collections::HashMap;
use std::sync::Mutex;
use std::time::Duration;
use tokio::time::Instant;

/// How fast to send; configurable for deployments with raised limits and for benchmarks.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Limits {
    pub overall_per_second: f64,
    pub private_per_second: f64,
    pub group_per_minute: f64,
    /// Messages a chat may receive at once before the rate applies.
    pub burst: f64,
}

impl Default for Limits {
    fn default() -> Self {
        Limits {
            overall_per_second: 30.0,
            private_per_second: 1.0,
            group_per_minute: 20.0,
            burst: 3.0,
        }
    }
}

#[derive(Debug)]
struct Bucket {
    tokens: f64,
    rate: f64,
    burst: f64,
    last: Instant,
}

impl Bucket {
    fn new(rate: f64, burst: f64, now: Instant) -> Self {
        Bucket {
            tokens: burst,
            rate,
            burst,
            last: now,
        }
    }

    fn refill(&mut self, now: Instant) {
        let elapsed = now.saturating_duration_since(self.last).as_secs_f64();
        self.tokens = (self.tokens + elapsed * self.rate).min(self.burst);
        self.last = now;
    }

    /// How long until one token is there.
    fn wait(&self) -> Duration {
        if self.tokens >= 1.0 {
            Duration::ZERO
        } else {
            Duration::from_secs_f64((1.0 - self.tokens) / self.rate.max(f64::MIN_POSITIVE))
        }
    }
}

#[derive(Debug)]
struct State {
    paused_until: Instant,
    overall: Bucket,
    chats: HashMap<i64, Bucket>,
}

#[derive(Debug)]
pub struct Pacer {
    limits: Limits,
    state: Mutex<State>,
}

impl Pacer {
    pub fn new(limits: Limits) -> Self {
        let now = Instant::now();
        Pacer {
            limits,
            state: Mutex::new(State {
                paused_until: now,
                // A small burst overall: sending stays under the rate in every one-second window.
                overall: Bucket::new(limits.overall_per_second, limits.burst.max(1.0), now),
                chats: HashMap::new(),
            }),
        }
    }

    /// Waits until a message may go to `chat` (group chats have negative ids), and takes its turn.
    pub async fn ready(&self, chat: i64) {
        loop {
            let wait = {
                let mut state = self.state.lock().unwrap_or_else(|poisoned| poisoned.into_inner());
                let now = Instant::now();
                if state.paused_until > now {
                    state.paused_until - now
                } else {
                    let limits = self.limits;
                    let State { overall, chats, .. } = &mut *state;
                    overall.refill(now);
                    if chats.len() > 10_000 {
                        // Buckets that are full again carry no information.
                        chats.retain(|_, bucket| {
                            bucket.refill(now);
                            bucket.tokens < bucket.burst
                        });
                    }
                    let rate = if chat < 0 {
                        limits.group_per_minute / 60.0
                    } else {
                        limits.private_per_second
                    };
                    let bucket = chats
                        .entry(chat)
                        .or_insert_with(|| Bucket::new(rate, limits.burst.max(1.0), now));
                    bucket.refill(now);
                    let wait = bucket.wait().max(overall.wait());
                    if wait.is_zero() {
                        bucket.tokens -= 1.0;
                        overall.tokens -= 1.0;
                        return;
                    }
                    wait
                }
            };
            tokio::time::sleep(wait).await;
        }
    }

    /// Telegram said 429: nothing goes out for `seconds`.
    pub fn pause(&self, seconds: u64) {
        let mut state = self.state.lock().unwrap_or_else(|poisoned| poisoned.into_inner());
        let until = Instant::now() + Duration::from_secs(seconds);
        if until > state.paused_until {
            state.paused_until = until;
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[tokio::test(start_paused = true)]
    async fn a_private_chat_gets_a_burst_then_one_a_second() {
        let pacer = Pacer::new(Limits::default());
        let start = Instant::now();
        for _ in 0..5 {
            pacer.ready(42).await;
        }
        let elapsed = start.elapsed().as_secs_f64();
        assert!((1.9..2.1).contains(&elapsed), "{elapsed}");
        // Another chat is not held up by the first.
        let other = Instant::now();
        pacer.ready(43).await;
        assert!(other.elapsed() < Duration::from_millis(10));
    }

    #[tokio::test(start_paused = true)]
    async fn a_group_gets_twenty_a_minute_and_a_pause_stops_everything() {
        let pacer = Pacer::new(Limits::default());
        let start = Instant::now();
        for _ in 0..23 {
            pacer.ready(-100).await;
        }
        let elapsed = start.elapsed().as_secs_f64();
        assert!((59.0..61.0).contains(&elapsed), "{elapsed}");
        pacer.pause(7);
        let paused = Instant::now();
        pacer.ready(1).await;
        assert!(paused.elapsed() >= Duration::from_secs(7));
    }

    #[tokio::test(start_paused = true)]
    async fn the_overall_rate_holds_across_chats() {
        let pacer = Pacer::new(Limits {
            overall_per_second: 10.0,
            ..Limits::default()
        });
        let start = Instant::now();
        for chat in 0..30 {
            pacer.ready(chat).await;
        }
        // A burst of 3, then 10 a second: never more than 13 in any second.
        let elapsed = start.elapsed().as_secs_f64();
        assert!((2.6..2.8).contains(&elapsed), "{elapsed}");
    }
}
