import type { Platform } from '@/utils/model/listing';

// A complaint channel is one platform IP portal: Alibaba's IPP takes Taobao and Tmall listings
// alike, JD and Pinduoduo have their own (contract §6.2 `complaint-export`).

export const CHANNELS = ['alibaba', 'jd', 'pdd'] as const;
export type Channel = (typeof CHANNELS)[number];

const PLATFORMS_OF: Record<Channel, readonly Platform[]> = { alibaba: ['taobao', 'tmall'], jd: ['jd'], pdd: ['pdd'] };

export function channelOf(platform: Platform): Channel {
  return platform === 'taobao' || platform === 'tmall' ? 'alibaba' : platform;
}

export function platformsOf(channel: Channel): readonly Platform[] {
  return PLATFORMS_OF[channel];
}
