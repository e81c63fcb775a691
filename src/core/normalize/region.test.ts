import { CellValue } from '../cell';
import { normalizeRegion, RegionParts } from './region';
import { shortName } from './region-data';
import { prng } from '../../../bench/harness';

function value(v: CellValue): string | null {
  return normalizeRegion(v).value;
}

function parts(v: CellValue): RegionParts | undefined {
  return normalizeRegion(v).region;
}

describe('shortName: the names people write, by rule', () => {
  test.each([
    ['广东省', '广东'],
    ['内蒙古自治区', '内蒙古'],
    ['广西壮族自治区', '广西'],
    ['新疆维吾尔自治区', '新疆'],
    ['宁夏回族自治区', '宁夏'],
    ['香港特别行政区', '香港'],
    ['北京市', '北京'],
    ['延边朝鲜族自治州', '延边'],
    ['恩施土家族苗族自治州', '恩施'],
    ['黔东南苗族侗族自治州', '黔东南'],
    ['伊犁哈萨克自治州', '伊犁'],
    ['锡林郭勒盟', '锡林郭勒'],
    ['大兴安岭地区', '大兴安岭'],
    ['神农架林区', '神农架'],
    ['浦东新区', '浦东'],
    ['三都水族自治县', '三都'],
    ['双江拉祜族佤族布朗族傣族自治县', '双江'],
    ['鄂温克族自治旗', '鄂温克族'],
  ])('%s -> %s', (full, short) => {
    expect(shortName(full)).toBe(short);
  });

  test('keeps names whose remainder would be one character', () => {
    expect(shortName('城区')).toBeNull();
    expect(shortName('萧县')).toBeNull();
    expect(shortName('西藏自治区')).toBe('西藏'); // 藏 alone is not cut as a nationality
  });
});

describe('normalizeRegion: canonical 省-市', () => {
  test('full names, short names and separators give the same answer', () => {
    for (const v of ['广东省广州市', '广东广州', '广东-广州', '广东/广州', '广东 广州', '广东，广州', '广州', '广州市', ' 广东省　广州市 ']) {
      expect(value(v)).toBe('广东省-广州市');
    }
  });

  test('a whole address gives the city, its code and the district', () => {
    expect(normalizeRegion('广东省广州市天河区天河路385号太古汇一座')).toEqual({
      value: '广东省-广州市',
      status: 'ok',
      region: { province: '广东省', city: '广州市', district: '天河区', code: '440106' },
    });
    expect(parts('中国浙江省杭州市西湖区文三路90号')).toEqual({ province: '浙江省', city: '杭州市', district: '西湖区', code: '330106' });
  });

  test('the code is the most specific level found', () => {
    expect(parts('广东省')?.code).toBe('440000');
    expect(parts('广州')?.code).toBe('440100');
    expect(parts('广州天河')?.code).toBe('440106');
  });

  test('a province alone gives the province', () => {
    expect(normalizeRegion('浙江')).toEqual({
      value: '浙江省',
      status: 'ok',
      region: { province: '浙江省', city: null, district: null, code: '330000' },
    });
    expect(value('浙江省')).toBe('浙江省');
  });

  test('municipalities are their own city', () => {
    expect(value('北京')).toBe('北京市-北京市');
    expect(value('上海市')).toBe('上海市-上海市');
    expect(parts('北京市朝阳区建国路')).toEqual({ province: '北京市', city: '北京市', district: '朝阳区', code: '110105' });
    expect(parts('重庆市城口县')).toEqual({ province: '重庆市', city: '重庆市', district: '城口县', code: '500229' });
  });

  test('autonomous regions and prefectures by their short names', () => {
    expect(value('内蒙古呼和浩特')).toBe('内蒙古自治区-呼和浩特市');
    expect(value('广西')).toBe('广西壮族自治区');
    expect(value('延边')).toBe('吉林省-延边朝鲜族自治州');
    expect(value('黔东南')).toBe('贵州省-黔东南苗族侗族自治州');
    expect(value('恩施')).toBe('湖北省-恩施土家族苗族自治州');
    expect(value('文山州')).toBe('云南省-文山壮族苗族自治州');
    expect(value('锡林郭勒')).toBe('内蒙古自治区-锡林郭勒盟');
    expect(value('日喀则地区')).toBe('西藏自治区-日喀则市'); // 地区 became 市 in 2014
  });

  test('county-level units directly under a province are the city', () => {
    expect(parts('济源')).toEqual({ province: '河南省', city: '济源市', district: null, code: '419001' });
    expect(value('湖北仙桃')).toBe('湖北省-仙桃市');
    expect(value('新疆石河子')).toBe('新疆维吾尔自治区-石河子市');
    expect(value('神农架')).toBe('湖北省-神农架林区');
  });

  test('a county alone gives its prefecture and province', () => {
    expect(parts('义乌')).toEqual({ province: '浙江省', city: '金华市', district: '义乌市', code: '330782' });
    expect(value('天河区')).toBe('广东省-广州市');
    expect(value('浦东')).toBe('上海市-上海市');
  });

  test('renamed counties written with their old suffix', () => {
    expect(parts('浙江省杭州市富阳市')?.district).toBe('富阳区');
    expect(parts('奉化市')?.district).toBe('奉化区');
  });
});

describe('normalizeRegion: ambiguity', () => {
  test('吉林 alone is the province; with more, the city', () => {
    expect(value('吉林')).toBe('吉林省');
    expect(value('吉林市')).toBe('吉林省-吉林市');
    expect(value('吉林省吉林市')).toBe('吉林省-吉林市');
    expect(value('吉林吉林')).toBe('吉林省-吉林市');
  });

  test('a repeated county name is resolved by the rest of the address, in any order', () => {
    expect(parts('南京鼓楼区')?.code).toBe('320106');
    expect(parts('福州市鼓楼区')?.code).toBe('350102');
    expect(parts('鼓楼区，南京市')?.code).toBe('320106');
    expect(parts('宁波市江北区文汇路553弄')?.code).toBe('330205');
    expect(parts('重庆江北区')?.code).toBe('500105');
  });

  test('a repeated county name with only its province keeps the province and leaves the city unknown', () => {
    const r = normalizeRegion('江苏鼓楼区');
    expect(r.status).toBe('ok');
    expect(r.value).toBe('江苏省');
    expect(r.region).toEqual({ province: '江苏省', city: null, district: null, code: '320000' });
    expect(r.note).toContain('南京市鼓楼区');
    expect(r.note).toContain('徐州市鼓楼区');
  });

  test('a repeated county name alone is reported, not guessed', () => {
    const r = normalizeRegion('鼓楼区');
    expect(r.status).toBe('invalid');
    expect(r.value).toBeNull();
    expect(r.note).toContain('歧义');
    expect(r.note).toContain('福州市鼓楼区');
  });

  test('a name that is also a province means the province, with a note', () => {
    const r = normalizeRegion('海南');
    expect(r.value).toBe('海南省');
    expect(r.note).toContain('乌海市海南区');
  });
});

describe('normalizeRegion: streets named after places are not places', () => {
  test.each([
    ['上海市山西路', '上海市-上海市'],
    ['上海市山西南路12号', '上海市-上海市'],
    ['北京市南京东路', '北京市-北京市'],
    ['广州市北京路步行街', '广东省-广州市'],
    ['广州市北京大厦', '广东省-广州市'],
    ['杭州市绍兴路450号杭州市下城区', '浙江省-杭州市'],
  ])('%s -> %s', (text, expected) => {
    expect(value(text)).toBe(expected);
  });

  test('a street alone names no region', () => {
    for (const text of ['南京路', '山西路123号', '北京东路1号', '中山大道西88号']) {
      expect(normalizeRegion(text).status).toBe('invalid');
    }
  });

  test('a town named like a county is the town (龙山镇 is not 龙山县)', () => {
    expect(normalizeRegion('龙山镇慈东滨海区海丰北路602号').status).toBe('invalid');
  });

  test('a place after a road word counts only when it refines the place already found', () => {
    expect(parts('杭州市绍兴路450号杭州市下城区')?.district).toBe('拱墅区'); // 下城区 merged into 拱墅区 in 2021
  });

  test('a later, more specific address wins over a stray place name before it', () => {
    expect(parts('温州广州市荔湾区站前路')?.code).toBe('440103');
    expect(parts('天山路街道上海市长宁区天山路1932号')?.code).toBe('310105');
  });
});

describe('normalizeRegion: retired names', () => {
  test.each([
    ['襄樊', '湖北省-襄阳市', '420600'],
    ['思茅', '云南省-普洱市', '530800'],
    ['横县', '广西壮族自治区-南宁市', '450181'],
    ['杭州江干区', '浙江省-杭州市', '330102'],
  ])('%s -> %s', (old, expected, code) => {
    const r = normalizeRegion(old);
    expect(r.value).toBe(expected);
    expect(r.region?.code).toBe(code);
    expect(r.note).toContain('旧称');
  });

  test('a demoted prefecture is found by its current county-level name', () => {
    expect(parts('巢湖')).toEqual({ province: '安徽省', city: '合肥市', district: '巢湖市', code: '340181' });
  });
});

describe('normalizeRegion: pinyin and English', () => {
  test.each([
    ['Guangzhou', '广东省-广州市'],
    ['GUANGZHOU', '广东省-广州市'],
    ['Guangzhou, Guangdong', '广东省-广州市'],
    ['guangzhou shi', '广东省-广州市'],
    ['Beijing', '北京市-北京市'],
    ['Shenzhen', '广东省-深圳市'],
    ['Hong Kong', '香港特别行政区'],
    ['Inner Mongolia', '内蒙古自治区'],
    ["Xi'an", '陕西省-西安市'],
    ['Shaanxi', '陕西省'],
    ['Shanxi', '山西省'],
    ['No. 1 Beijing Road, Guangzhou', '广东省-广州市'],
  ])('%s -> %s', (text, expected) => {
    expect(value(text)).toBe(expected);
  });

  test('a pinyin name shared by two cities needs its province', () => {
    expect(normalizeRegion('Suzhou').status).toBe('invalid');
    expect(value('Suzhou, Jiangsu')).toBe('江苏省-苏州市');
    expect(value('Suzhou, Anhui')).toBe('安徽省-宿州市');
  });
});

describe('normalizeRegion: Hong Kong, Macao, Taiwan, codes, traditional characters', () => {
  test('special administrative regions and Taiwan', () => {
    expect(parts('香港')).toEqual({ province: '香港特别行政区', city: null, district: null, code: '810000' });
    expect(value('澳门')).toBe('澳门特别行政区');
    expect(value('台湾台北')).toBe('台湾省-台北市');
  });

  test('six-digit division codes, as text or number', () => {
    expect(parts('440106')).toEqual({ province: '广东省', city: '广州市', district: '天河区', code: '440106' });
    expect(value(440100)).toBe('广东省-广州市');
    expect(value(110000)).toBe('北京市-北京市');
    expect(normalizeRegion(999999).status).toBe('invalid');
  });

  test('traditional characters', () => {
    expect(value('廣東省廣州市')).toBe('广东省-广州市');
  });
});

describe('normalizeRegion: anything else, never throwing', () => {
  test('blanks are missing, Excel errors invalid', () => {
    expect(normalizeRegion('').status).toBe('missing');
    expect(normalizeRegion('   ').status).toBe('missing');
    expect(normalizeRegion(null).status).toBe('missing');
    expect(normalizeRegion(undefined).status).toBe('missing');
    expect(normalizeRegion('#N/A')).toMatchObject({ status: 'invalid', value: null });
    expect(normalizeRegion({ error: '#REF!' })).toMatchObject({ status: 'invalid', value: null });
  });

  test('unknown text, numbers, booleans and dates are invalid with a note', () => {
    for (const v of ['随便写写', 'hello world', '见备注', 123, 3.5, true, new Date(2024, 0, 1), NaN]) {
      const r = normalizeRegion(v);
      expect(r.status).toBe('invalid');
      expect(r.value).toBeNull();
      expect(r.note).toBeTruthy();
      expect(r.region).toBeUndefined();
    }
    expect(normalizeRegion('随便写写').note).toContain('未识别');
  });

  test('random and hostile input never throws and always answers in the contract', () => {
    const rand = prng(7);
    const alphabet = '广东省州市区县路号鼓楼吉林北京上海山西南中 -/,，、0123456789abcXYZ\u3000\ud83d\ude00()（）';
    const inputs: CellValue[] = ['x'.repeat(100_000), '广东'.repeat(20_000), '\ud800', '省市区县', '市辖区', '中国'];
    for (let i = 0; i < 3000; i++) {
      let s = '';
      const n = Math.floor(rand() * 30);
      for (let j = 0; j < n; j++) s += alphabet[Math.floor(rand() * alphabet.length)];
      inputs.push(s);
    }
    for (const v of inputs) {
      const r = normalizeRegion(v);
      expect(['ok', 'missing', 'invalid']).toContain(r.status);
      if (r.status === 'ok') {
        expect(r.value).toMatch(/^[\u4e00-\u9fff]+(-[\u4e00-\u9fff]+)?$/);
        expect(r.region?.code).toMatch(/^\d{6}$/);
        expect(r.value?.startsWith(r.region!.province)).toBe(true);
      } else {
        expect(r.value).toBeNull();
      }
    }
  });
});
